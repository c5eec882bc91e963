using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// A response cache keyed on content: the endpoint kind, model, parameters, prompt and prompt version, not on
/// concurrency or timeouts. One file per answer, written under a temporary name and renamed, so a run killed at
/// any moment keeps every answer it received and a rerun sends only the requests that never completed.
/// </summary>
public sealed class CachedChatModel(IChatModel inner, string directory, string promptVersion, UsageMeter usage) : IChatModel
{
    private const string EndpointKind = "chat.completions";

    public string Model => inner.Model;

    public async Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var path = PathOf(Key(request));
        if (await ReadAsync(path, cancellationToken) is { } cached)
        {
            usage.Add(request.Stage, cached.Usage, fromCache: true);
            return cached;
        }

        var answer = await inner.CompleteAsync(request, cancellationToken);
        usage.Add(request.Stage, answer.Usage, fromCache: false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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
        return answer;
    }

    /// <summary>The content key: what decides the answer, and nothing else.</summary>
    public string Key(ChatRequest request)
    {
        var content = new JsonObject
        {
            ["endpoint"] = EndpointKind,
            ["model"] = inner.Model,
            ["temperature"] = 0,
            ["max_output_tokens"] = request.MaxOutputTokens,
            ["schema"] = request.Schema,
            ["prompt_version"] = promptVersion,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt }),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())));
    }

    private string PathOf(string key) => Path.Combine(directory, key[..2], key + ".json");

    private static async Task<ChatAnswer?> ReadAsync(string path, CancellationToken cancellationToken)
    {
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
            // A damaged entry is asked for again rather than trusted.
            return null;
        }
    }
}
