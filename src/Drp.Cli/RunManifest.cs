using System.CommandLine;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Drp.Core.Io;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;

namespace Drp.Cli;

/// <summary>
/// <c>DIR/manifest.json</c>, written when a run starts: drp's version, the options as given (after --config; what
/// <c>drp run --resume DIR</c> runs again), the teacher, its prompt version and price, and the input's size and
/// SHA-256, so a run can be reproduced and audited. The key is never an option, so it is never here.
/// </summary>
public static class RunManifest
{
    public const string FileName = "manifest.json";

    public static async Task WriteAsync(string directory, ParseResult parse, string input, ITeacher teacher, Price? price, CancellationToken cancellationToken)
    {
        var manifest = new JsonObject
        {
            ["drp_version"] = typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            ["command"] = string.Join(' ', parse.Tokens.Select(t => t.Value)),
            ["args"] = new JsonArray([.. parse.Tokens.Select(t => (JsonNode)t.Value)]),
            ["working_directory"] = Environment.CurrentDirectory,
            ["teacher"] = teacher.Name,
            ["prompt_version"] = teacher is LlmTeacher llm ? llm.PromptVersion : null,
            ["price_per_million_tokens"] = price is null ? null : new JsonObject { ["input"] = price.Input, ["cached_input"] = price.CachedInput, ["output"] = price.Output },
            ["input"] = await InputAsync(input, cancellationToken),
        };
        Directory.CreateDirectory(directory);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, FileName), manifest.ToJsonString(DrpJson.Indented) + "\n");
    }

    private static async Task<JsonObject> InputAsync(string input, CancellationToken cancellationToken)
    {
        if (input == "-" || !File.Exists(input))
        {
            return new JsonObject { ["path"] = input };
        }

        await using var stream = File.OpenRead(input);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new JsonObject { ["path"] = input, ["bytes"] = stream.Length, ["sha256"] = Convert.ToHexStringLower(hash) };
    }
}
