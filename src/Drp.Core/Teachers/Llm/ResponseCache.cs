using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Teacher answers on disk, one file per answer named by its content key, written under a temporary name and
/// renamed: a run killed at any moment keeps every answer it received.
/// </summary>
public sealed class ResponseCache(string directory)
{
    private const string EndpointKind = "chat.completions";

    public string Directory => directory;

    /// <summary>The content key: the endpoint kind, model, parameters, prompt and prompt version; nothing else.</summary>
    public static string Key(string model, string promptVersion, ChatRequest request)
    {
        var content = new JsonObject
        {
            ["endpoint"] = EndpointKind,
            ["model"] = model,
            ["temperature"] = 0,
            ["max_output_tokens"] = request.MaxOutputTokens,
            ["schema"] = request.Schema,
            ["prompt_version"] = promptVersion,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt }),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())));
    }

    public async Task WriteAsync(string key, ChatAnswer answer)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var entry = new JsonObject
        {
            ["text"] = answer.Text,
            ["finish_reason"] = answer.FinishReason,
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = answer.Usage.InputTokens,
                ["cached_tokens"] = answer.Usage.CachedTokens,
                ["output_tokens"] = answer.Usage.OutputTokens,
            },
        };
        await AtomicFile.WriteAllTextAsync(path, entry.ToJsonString(DrpJson.Line));
    }

    /// <summary>The answer stored under the key; null when there is none or it is damaged (it is asked for again).</summary>
    public async Task<ChatAnswer?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var entry = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))!;
            var usage = entry["usage"]!;
            return new ChatAnswer(
                entry["text"]!.GetValue<string>(),
                entry["finish_reason"]!.GetValue<string>(),
                new ChatUsage(usage["input_tokens"]!.GetValue<long>(), usage["cached_tokens"]!.GetValue<long>(), usage["output_tokens"]!.GetValue<long>()));
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private string PathOf(string key) => Path.Combine(directory, key[..2], key + ".json");
}
