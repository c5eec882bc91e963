using System.CommandLine;
using Drp.Core.Hygiene;
using Drp.Core.Io;

namespace Drp.Cli.Commands;

/// <summary>
/// <c>--decontaminate FILE[,FILE…]</c>, <c>--decontaminate-map</c> and <c>--ngram</c>: the benchmark questions a
/// training set must not hold, shared by <c>drp run</c>, <c>drp export</c> and <c>drp decontaminate</c>.
/// </summary>
public sealed class DecontaminationOptions
{
    public DecontaminationOptions(string name = "--decontaminate")
    {
        Files = new Option<string[]>(name)
        {
            Description = "Benchmark files (any input format drp reads, comma-separated or repeated) whose questions are kept out of the training "
                + "set: a record whose question shares " + BenchmarkIndex.DefaultN + " words in a row with one (numbers aside), or repeats a short one, "
                + "is rejected as contaminated",
            AllowMultipleArgumentsPerToken = false,
        };
        Map = new Option<string?>("--decontaminate-map") { Description = "Where the benchmark files hold their question, when not in a usual field: question=PATH" };
        Ngram = new Option<int>("--ngram")
        {
            Description = "Words in a row a question must share with a benchmark question to be contaminated",
            DefaultValueFactory = _ => BenchmarkIndex.DefaultN,
        };
    }

    public Option<string[]> Files { get; }

    public Option<string?> Map { get; }

    public Option<int> Ngram { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        command.Options.Add(Map);
        command.Options.Add(Ngram);
    }

    /// <summary>The given files, each one once ("a,b" and repeated options alike).</summary>
    public IReadOnlyList<string> FilesOf(ParseResult parse) =>
        [.. (parse.GetValue(Files) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];

    /// <summary>The benchmark questions indexed, or null when no file was given.</summary>
    /// <exception cref="InputException">A benchmark file that cannot be read or holds no question.</exception>
    public async Task<BenchmarkIndex?> LoadAsync(ParseResult parse, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var files = FilesOf(parse);
        if (files.Count == 0)
        {
            return null;
        }

        var map = FieldMap.Parse(parse.GetValue(Map), "--decontaminate-map");
        var index = await BenchmarkIndex.LoadAsync(files, map, parse.GetValue(Ngram), cancellationToken);
        log.Information("decontaminate: {Count} benchmark questions from {Files}", index.Count, string.Join(", ", index.Files));
        return index;
    }
}
