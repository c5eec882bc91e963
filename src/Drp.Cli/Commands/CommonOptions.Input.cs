using System.CommandLine;
using Drp.Core.Io;

namespace Drp.Cli.Commands;

/// <summary>The options that say what the input is and how to read it.</summary>
public sealed partial class CommonOptions
{
    public Argument<string> Input { get; } = new("input")
    {
        Description = "Input file (JSONL, JSON array, JSON object with records under a key, or CSV), or - for stdin",
        DefaultValueFactory = _ => "-",
    };

    public Option<string> InputFormat { get; } = new Option<string>("--input-format")
    {
        Description = "auto (from the file name and its first line), jsonl, json or csv",
        DefaultValueFactory = _ => "auto",
    }.OneOf("auto", "jsonl", "json", "csv");

    public Option<string?> Records { get; } = new("--records") { Description = "For a JSON object: the key holding the records (default: its first array of objects)" };

    public Option<string?> Map { get; } = new("--map")
    {
        Description = "Where fields are, as target=path pairs: question=…,gold=…,trace=…,id=…,model=…; paths are dotted with indices (model_answers.thinking_model, code[0]). Unmapped fields are found by their usual names",
    };

    public Option<string?> Gold { get; } = new("--gold") { Description = "Benchmark file (GSM8K, AIME, MATH-500…) whose answers are joined by question text to records without one" };

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Only shard K of N (K from 0): the records whose id hashes to K, e.g. --shard $JOB_COMPLETION_INDEX/8; drp merge joins the shards' run directories",
    };

    public void AddInputTo(Command command)
    {
        command.Arguments.Add(Input);
        foreach (var option in new Option[] { InputFormat, Records, Map, Gold, Shard })
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="FormatException">A bad --map.</exception>
    /// <exception cref="InputException">An unreadable --gold file.</exception>
    public async Task<LoadOptions> LoadOptionsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var gold = parse.GetValue(Gold) is { } goldPath ? await GoldIndex.LoadAsync(goldPath, cancellationToken) : null;
        return new LoadOptions
        {
            Format = Enum.Parse<InputFormat>(parse.GetValue(InputFormat)!, ignoreCase: true),
            RecordsKey = parse.GetValue(Records),
            Map = FieldMap.Parse(parse.GetValue(Map)),
            Gold = gold,
            Shard = parse.GetValue(Shard) is { } shard ? Core.Io.Shard.Parse(shard) : null,
        };
    }
}
