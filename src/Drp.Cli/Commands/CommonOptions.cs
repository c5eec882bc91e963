using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Tokens;

namespace Drp.Cli.Commands;

/// <summary>The options that several commands share, made fresh for each command.</summary>
public sealed class CommonOptions
{
    public Argument<string> Input { get; } = new("input")
    {
        Description = "Input file (JSONL, JSON array, JSON object with records under a key, or CSV), or - for stdin",
        DefaultValueFactory = _ => "-",
    };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write JSONL here instead of stdout" };

    public Option<InputFormat> InputFormat { get; } = new("--input-format")
    {
        Description = "Input format; auto decides from the file name and its first line",
        DefaultValueFactory = _ => Core.Io.InputFormat.Auto,
    };

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

    public Option<string> Tokenizer { get; } = new("--tokenizer")
    {
        Description = $"Tokenizer for token counts: {string.Join(", ", TokenCounters.Names)}, or the student's Hugging Face tokenizer folder (vocab.json + merges.txt) or tokenizer.json",
        DefaultValueFactory = _ => TokenCounters.Default,
    };

    public Option<int?> Jobs { get; } = new("--jobs", "-j", "--concurrency")
    {
        Description = "Records processed at once (default: one per core); with an LLM teacher, requests in flight (default 8), with eight times as many records under way. The output order is the input order",
    };

    public Option<string> BadFinalAnswer { get; } = CreateBadFinalAnswer();

    public TeacherOptions Teachers { get; } = new();

    /// <summary>--jobs, or its default for the teacher.</summary>
    public int JobsFor(ParseResult parse) => parse.GetValue(Jobs) ?? (Teachers.IsLlm(parse) ? 8 : Environment.ProcessorCount);

    /// <summary>
    /// Records under way: with an LLM teacher eight times the requests in flight, so slots never wait on a record's
    /// next step, and first calls (which go first) run far enough ahead that the run ends on second calls alone.
    /// </summary>
    public int RecordsInFlight(ParseResult parse) => Teachers.IsLlm(parse) ? 8 * JobsFor(parse) : JobsFor(parse);

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log every rejected record and more" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Log warnings and errors only" };

    public CommonOptions()
    {
        Jobs.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && (!int.TryParse(result.Tokens[^1].Value, out var jobs) || jobs < 1))
            {
                result.AddError($"--jobs must be a whole number of 1 or more, not '{result.Tokens[^1].Value}'");
            }
        });
    }

    private static Option<string> CreateBadFinalAnswer()
    {
        var option = new Option<string>("--bad-final-answer")
        {
            Description = "A record whose student text after </think> is cut off or states no answer equal to the gold one: "
                + "replace that text with \"The answer is …\" (counted in summary.json answers_replaced), or reject the record",
            DefaultValueFactory = _ => Core.Stages.BadFinalAnswer.Replace,
        };
        option.AcceptOnlyFromAmong([.. Core.Stages.BadFinalAnswer.All]);
        return option;
    }

    public void AddInputTo(Command command)
    {
        command.Arguments.Add(Input);
        foreach (var option in new Option[] { InputFormat, Records, Map, Gold, Shard })
        {
            command.Options.Add(option);
        }
    }

    public void AddLoggingTo(Command command)
    {
        command.Options.Add(Jobs);
        command.Options.Add(Verbose);
        command.Options.Add(Quiet);
    }

    /// <summary>Runs a command's work with the logging its -v/-q ask for; see <see cref="CommandRunner"/>.</summary>
    public Task<int> RunAsync(CliConsole console, ParseResult parse, Func<Serilog.ILogger, Task<int>> work) =>
        CommandRunner.RunAsync(console, parse.GetValue(Verbose), parse.GetValue(Quiet), work);

    /// <exception cref="FormatException">A bad --map.</exception>
    /// <exception cref="InputException">An unreadable --gold file.</exception>
    public async Task<LoadOptions> LoadOptionsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var gold = parse.GetValue(Gold) is { } goldPath ? await GoldIndex.LoadAsync(goldPath, cancellationToken) : null;
        return new LoadOptions
        {
            Format = parse.GetValue(InputFormat),
            RecordsKey = parse.GetValue(Records),
            Map = FieldMap.Parse(parse.GetValue(Map)),
            Gold = gold,
            Shard = parse.GetValue(Shard) is { } shard ? Core.Io.Shard.Parse(shard) : null,
        };
    }
}
