using System.Text.Json;
using Drp.Core.Io;

namespace Drp.Bench;

/// <summary>
/// The real trace files of a data folder's traces/ and how each is read (in drp's API, and as drp's options): the
/// files of ../shared/data by name, and any other file there in one of their two layouts, so that the figures can be
/// taken on trace files nobody has tuned on (<c>--data DIR</c>).
/// </summary>
public sealed record TraceFile(string Name, LoadOptions Load, string[] Arguments)
{
    private const string ThinkingLlmsMap = "question=question,gold=correct_answer,trace=model_answers.thinking_model";
    private const string AimeMap = "question=question,gold=gt,trace=code[0]";

    private static readonly LoadOptions ThinkingLlmsInterp = new() { RecordsKey = "tasks", Map = FieldMap.Parse(ThinkingLlmsMap) };

    private static readonly string[] ThinkingLlmsArguments = ["--records", "tasks", "--map", ThinkingLlmsMap];

    private static readonly LoadOptions Aime = new() { Map = FieldMap.Parse(AimeMap) };

    private static readonly string[] AimeArguments = ["--map", AimeMap];

    public static IReadOnlyList<TraceFile> All { get; } =
    [
        new("qwq-32b.gsm8k.part1.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-qwen-7b.aime24.jsonl", Aime, AimeArguments),
    ];

    /// <summary>
    /// The trace files in <paramref name="data"/>/traces: those of <see cref="All"/> that are there, then the others
    /// in either layout, by name. A file in neither layout is named on standard error and left out.
    /// </summary>
    public static IReadOnlyList<TraceFile> In(string data)
    {
        var folder = Path.Combine(data, "traces");
        var files = All.Where(f => File.Exists(Path.Combine(folder, f.Name))).ToList();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (files.Any(f => f.Name == name) || !(name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal)))
            {
                continue;
            }

            if (Layout(path) is { } file)
            {
                files.Add(file with { Name = name });
            }
            else
            {
                Console.Error.WriteLine($"bench: {path} is in neither known trace layout ({{\"tasks\": [...]}} with model_answers.thinking_model, or JSON Lines with question, gt and code); left out");
            }
        }

        return files;
    }

    private static TraceFile? Layout(string path)
    {
        try
        {
            if (path.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var first = File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0);
                using var line = JsonDocument.Parse(first ?? "null");
                return line.RootElement is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("code", out _) && o.TryGetProperty("gt", out _)
                    ? new TraceFile("", Aime, AimeArguments) : null;
            }

            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("tasks", out var tasks)
                && tasks.ValueKind == JsonValueKind.Array && tasks.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } task
                && task.TryGetProperty("model_answers", out _)
                ? new TraceFile("", ThinkingLlmsInterp, ThinkingLlmsArguments) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
