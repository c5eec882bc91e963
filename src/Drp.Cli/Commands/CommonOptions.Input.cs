using System.CommandLine;
using Drp.Core.Io;

namespace Drp.Cli.Commands;

/// <summary>The options that say what the input is and how to read it.</summary>
public sealed partial class CommonOptions
{
    public Argument<string> Input { get; } = new("input")
    {
        Description = "Input file (JSONL, JSON array, JSON object with records under a key, CSV or Parquet), a folder or glob of such files (read in name order as one input), or - for stdin",
        DefaultValueFactory = _ => "-",
    };

    public Option<string> InputFormat { get; } = new Option<string>("--input-format")
    {
        Description = "auto (from the file name and its first line), jsonl, json, csv or parquet",
        DefaultValueFactory = _ => "auto",
    }.OneOf("auto", "jsonl", "json", "csv", "parquet");

    public Option<string?> Records { get; } = new("--records") { Description = "For a JSON object: the key holding the records (default: its first array of objects)" };

    public Option<string?> Map { get; } = new("--map")
    {
        Description = "Where fields are, as target=path pairs: question=…,gold=…,trace=…,id=…,model=…; paths are dotted with indices (model_answers.thinking_model, code[0]). Unmapped fields are found by their usual names",
    };

    public Option<string?> ThinkTags { get; } = new("--think-tags")
    {
        Description = "OPEN,CLOSE: the markers around the reasoning, for families other than <think>…</think> and <|begin_of_thought|>…<|end_of_thought|> (found without it)",
    };

    public Option<string?> Gold { get; } = new("--gold") { Description = "Benchmark file (GSM8K, AIME, MATH-500…) whose answers are joined by question text to records without one" };

    public Option<string> Split { get; } = new("--split")
    {
        Description = "Of a folder or glob holding several dataset splits (train-*, test-*, */validation/*): the one to read, or all (each record keeps its split)",
        DefaultValueFactory = _ => InputFiles.DefaultSplit,
    };

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Only shard K of N (K from 0): the records whose id hashes to K, e.g. --shard $JOB_COMPLETION_INDEX/8; drp merge joins the shards' run directories",
    };

    public void AddInputTo(Command command)
    {
        command.Arguments.Add(Input);
        foreach (var option in new Option[] { InputFormat, Records, Map, ThinkTags, Gold, Split, Shard })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>No input named and nothing piped in: said, rather than waiting on the keyboard.</summary>
    /// <exception cref="ArgumentException">The command reads an input, none was named, and standard input is a terminal.</exception>
    private void CheckInputGiven(CliConsole console, ParseResult parse)
    {
        if (console.InputIsTerminal && parse.CommandResult.Command.Arguments.Contains(Input) && parse.GetResult(Input) is null or { Tokens.Count: 0 })
        {
            throw new ArgumentException($"no input: name a file or folder (drp {parse.CommandResult.Command.Name} traces.jsonl …), or give - and pipe the records in");
        }
    }

    /// <summary>How the input is read; for a folder or glob, which of its files are read is logged.</summary>
    /// <exception cref="FormatException">A bad --map.</exception>
    /// <exception cref="InputException">An unreadable --gold file; an input with nothing to read or without the split asked for.</exception>
    public async Task<LoadOptions> LoadOptionsAsync(ParseResult parse, string input, Serilog.ILogger log, CancellationToken cancellationToken)
    {
        var split = parse.GetValue(Split)!;
        if (InputFiles.Of(input, split).Describe() is { } selection)
        {
            log.Information("{Selection}", selection);
        }

        var gold = parse.GetValue(Gold) is { } goldPath ? await GoldIndex.LoadAsync(goldPath, cancellationToken) : null;
        return new LoadOptions
        {
            Format = Enum.Parse<InputFormat>(parse.GetValue(InputFormat)!, ignoreCase: true),
            RecordsKey = parse.GetValue(Records),
            Map = FieldMap.Parse(parse.GetValue(Map)),
            ThinkTags = parse.GetValue(ThinkTags) is { } tags ? Core.Io.ThinkTags.Parse(tags) : null,
            Gold = gold,
            Split = split,
            Shard = parse.GetValue(Shard) is { } shard ? Core.Io.Shard.Parse(shard) : null,
        };
    }
}
