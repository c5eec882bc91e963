using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;

namespace Drp.Cli;

/// <summary>
/// <c>drp run --config FILE</c>: a JSON object of run's options (<c>{"input": "traces.jsonl", "out": "runs/x",
/// "teacher": "openai", "concurrency": 16}</c>), checked into a team's repository. Options on the command line win.
/// </summary>
public static class RunConfig
{
    public const string OptionName = "--config";

    public static string[] Expand(RootCommand root, string[] args)
    {
        var at = Array.IndexOf(args, OptionName);
        if (at < 0)
        {
            return args;
        }

        if (at + 1 >= args.Length)
        {
            throw new ArgumentException($"{OptionName}: name a JSON file");
        }

        var path = args[at + 1];
        var config = Read(path);
        var rest = args.Where((_, i) => i != at && i != at + 1).ToArray();
        var run = root.Subcommands.Single(c => c.Name == "run");
        var given = root.Parse(rest);
        var extra = new List<string>();
        foreach (var (key, node) in config)
        {
            var value = node is JsonValue v ? v.ToJsonString().Trim('"') : throw new ArgumentException($"{path}: '{key}' must be a string, number or boolean");
            if (key == "input")
            {
                if (given.GetResult(run.Arguments[0]) is null or { Implicit: true })
                {
                    extra.Add(value);
                }

                continue;
            }

            var option = run.Options.FirstOrDefault(o => o.Name == $"--{key}" || o.Aliases.Contains($"--{key}"))
                ?? throw new ArgumentException($"{path}: '{key}' is not an option of drp run");
            if (given.GetResult(option) is not (null or { Implicit: true }))
            {
                continue;
            }

            if (node.GetValueKind() == JsonValueKind.True)
            {
                extra.Add(option.Name);
            }
            else if (node.GetValueKind() != JsonValueKind.False)
            {
                extra.AddRange([option.Name, value]);
            }
        }

        return [.. rest, .. extra];
    }

    private static JsonObject Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{OptionName} {path}: file not found");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InputException($"{OptionName} {path}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InputException($"{OptionName} {path}: not valid JSON at {JsonErrors.At(e)}");
        }
    }
}
