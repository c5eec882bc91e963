using System.CommandLine;
using Drp.Core.Tokens;

namespace Drp.Cli.Commands;

/// <summary>The options that several commands share, made fresh for each command.</summary>
public sealed partial class CommonOptions
{
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write JSONL here instead of stdout" };

    public Option<string> Tokenizer { get; } = new("--tokenizer")
    {
        Description = $"Tokenizer for token counts: {string.Join(", ", TokenCounters.Names)}, or the student's Hugging Face tokenizer folder (vocab.json + merges.txt) or tokenizer.json",
        DefaultValueFactory = _ => TokenCounters.Default,
    };

    public Option<int?> Jobs { get; } = new("--jobs", "-j", "--concurrency");

    public Option<string> BadFinalAnswer { get; } = CreateBadFinalAnswer();

    public Option<string> Faithfulness { get; } = CreateFaithfulness();

    public TeacherOptions Teachers { get; } = new();

    /// <summary>--jobs, or its default for the teacher.</summary>
    public int JobsFor(ParseResult parse) => parse.GetValue(Jobs) ?? (Teachers.IsLlm(parse) ? 8 : Environment.ProcessorCount);

    /// <summary>
    /// Records under way: with an LLM teacher eight times the requests in flight, so slots never wait on a record's
    /// next step, and first calls (which go first) run far enough ahead that the run ends on second calls alone.
    /// </summary>
    public int RecordsInFlight(ParseResult parse) => Teachers.IsLlm(parse) ? 8 * JobsFor(parse) : JobsFor(parse);

    public CommonOptions()
    {
        Teachers.Faithfulness = Faithfulness;
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
        option.OneOf([.. Core.Stages.BadFinalAnswer.All]);
        return option;
    }

    private static Option<string> CreateFaithfulness()
    {
        var option = new Option<string>("--faithfulness")
        {
            Description = "A pruned trace with a false computation, a number in neither the question nor the student's reasoning, or a result "
                + "used before it is worked out: reject it as unfaithful (an LLM teacher first gets one corrective retry), export it with "
                + "its findings kept in the record (warn), or do not check (off). Counted in summary.json faithfulness",
            DefaultValueFactory = _ => Core.Faithfulness.FaithfulnessMode.Reject,
        };
        option.OneOf([.. Core.Faithfulness.FaithfulnessMode.All]);
        return option;
    }

    /// <summary>--jobs, described for a command with a teacher (where it is also the LLM's requests in flight) or without.</summary>
    public void AddJobsTo(Command command, bool withTeacher)
    {
        Jobs.Description = "Records processed at once (default: one per core)"
            + (withTeacher ? "; with an LLM teacher, requests in flight (default 8), with eight times as many records under way" : "")
            + ". The output order is the input order";
        command.Options.Add(Jobs);
    }
}
