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
/// SHA-256 (and its line count, which the progress of a JSON Lines input is measured against), so a run can be
/// reproduced and audited. The key is never an option, so it is never here.
/// </summary>
public static class RunManifest
{

    /// <returns>The input's number of lines, when it is a file.</returns>
    public static async Task<long?> WriteAsync(string directory, ParseResult parse, string input, ITeacher teacher, Price? price, CancellationToken cancellationToken)
    {
        var (facts, lines) = await InputAsync(input, cancellationToken);
        var manifest = new JsonObject
        {
            ["drp_version"] = typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            ["command"] = string.Join(' ', parse.Tokens.Select(t => t.Value)),
            ["args"] = new JsonArray([.. parse.Tokens.Select(t => (JsonNode)t.Value)]),
            ["working_directory"] = Environment.CurrentDirectory,
            ["teacher"] = teacher.Name,
            ["prompt_version"] = teacher is LlmTeacher llm ? llm.PromptVersion : null,
            ["price_per_million_tokens"] = price is null ? null : new JsonObject { ["input"] = price.Input, ["cached_input"] = price.CachedInput, ["output"] = price.Output },
            ["input"] = facts,
        };
        Directory.CreateDirectory(directory);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, RunDirectory.Manifest), manifest.ToJsonString(DrpJson.Indented) + "\n");
        return lines;
    }

    /// <summary>The input's path, size, SHA-256 and number of lines, in one read.</summary>
    private static async Task<(JsonObject Facts, long? Lines)> InputAsync(string input, CancellationToken cancellationToken)
    {
        if (input == "-" || !File.Exists(input))
        {
            return (new JsonObject { ["path"] = input }, null);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = File.OpenRead(input);
        var buffer = new byte[1 << 20];
        var (lines, last) = (0L, (byte)'\n');
        for (int read; (read = await stream.ReadAsync(buffer, cancellationToken)) > 0;)
        {
            var chunk = buffer.AsSpan(0, read);
            hash.AppendData(chunk);
            lines += chunk.Count((byte)'\n');
            last = chunk[^1];
        }

        lines += last == '\n' ? 0 : 1;
        var facts = new JsonObject { ["path"] = input, ["bytes"] = stream.Length, ["lines"] = lines, ["sha256"] = Convert.ToHexStringLower(hash.GetHashAndReset()) };
        return (facts, lines);
    }
}
