using System.Globalization;
using System.Text;
using Drp.Core.Answers;
using Drp.Core.Faithfulness;
using Drp.Core.Model;
using Drp.Core.Stages;
using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>How the LLM teacher asks and what it accepts.</summary>
public sealed record LlmTeacherOptions
{
    /// <summary>Ask for JSON with a schema (structured output) instead of the method's plain lines.</summary>
    public bool Structured { get; init; }

    /// <summary>The least share of the reasoning's characters the steps must cover.</summary>
    public double MinCoverage { get; init; } = 0.95;

    /// <summary>The largest output budget ever asked for.</summary>
    public int MaxOutputTokens { get; init; } = 16_384;

    /// <summary>Where answers that were not accepted are kept (null: nowhere).</summary>
    public RejectedAnswers? Rejected { get; init; }

    /// <summary>
    /// <see cref="FaithfulnessMode.Reject"/>: a pruned trace with faithfulness findings gets one corrective retry that names
    /// them (what is left is for validation to reject); otherwise findings are validation's alone.
    /// </summary>
    public string Faithfulness { get; init; } = FaithfulnessMode.Reject;
}

/// <summary>
/// The DRP teacher as an LLM: two calls per trace (decompose, then prune) with drp's prompts. Every answer is
/// checked; a wrong one gets one corrective retry that says what was wrong, an answer cut at the budget one retry
/// with a doubled budget, and then the record is rejected with the reason. A pruned trace that says what the student
/// never said (<see cref="FaithfulnessCheck"/>) gets the corrective retry too; one that states its answer twice in a
/// row is said once without asking again.
/// </summary>
public sealed class LlmTeacher(IChatClient chat, PromptSet prompts, LlmTeacherOptions options) : ITeacher
{
    public string Name { get; } = $"openai:{TeacherChat.ModelOf(chat)}";

    /// <summary>The hash of the prompt texts in use.</summary>
    public string PromptVersion => prompts.Version;

    public async Task<IReadOnlyList<Step>> DecomposeAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        var reasoning = record.Trace?.Reasoning ?? throw new TeacherException(RejectReasons.MissingTrace, "no trace to decompose");
        var (prompt, budget) = DecomposePrompt(record.Question ?? "", reasoning);
        string? problem = null;
        IReadOnlyList<Step> steps = [];
        foreach (var attempt in new[] { prompt, null })
        {
            var ask = attempt ?? Corrective(prompt, problem!);
            var answer = await AskAsync(record.Id, StageNames.Decompose, Attempt(attempt), ask, budget, Schemas.Decompose, cancellationToken);
            steps = ReaderText.Restore(reasoning, TeacherAnswerParser.ParseSteps(answer));
            problem = CheckSteps(reasoning, steps);
            if (problem is null)
            {
                return steps;
            }

            Keep(record.Id, StageNames.Decompose, Attempt(attempt), RejectReasonsLlm.BadDecomposition, problem, answer);
        }

        throw new TeacherException(RejectReasonsLlm.BadDecomposition, $"the teacher's steps were not accepted after a corrective retry: {problem}");
    }

    public async Task<PrunedTrace> PruneAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        var reasoning = record.Trace?.Reasoning ?? throw new TeacherException(RejectReasons.MissingTrace, "no trace to prune");
        var steps = record.Steps is { Count: > 0 } s ? s : throw new TeacherException(RejectReasons.NoSteps, "no steps: run drp decompose first");
        var listing = new StringBuilder();
        foreach (var step in steps)
        {
            listing.Append(CultureInfo.InvariantCulture, $"Step {step.N} ({step.Skill}): {step.Text}\n");
        }

        var prompt = PromptSet.Render(prompts.Prune, new Dictionary<string, string> { ["question"] = record.Question ?? "", ["steps"] = listing.ToString() })
            + (options.Structured ? StructuredNote : "");
        var budget = Budget(reasoning.Length / 4 + 512);
        string? problem = null;
        foreach (var attempt in new[] { prompt, null })
        {
            var ask = attempt ?? Corrective(prompt, problem!);
            var answer = await AskAsync(record.Id, StageNames.Prune, Attempt(attempt), ask, budget, Schemas.Prune, cancellationToken);
            var (actions, parsed) = TeacherAnswerParser.ParsePrune(answer);
            var trace = Conclusion.WithAnswerSaidOnce(parsed);
            problem = CheckPruned(reasoning, trace);
            var reason = RejectReasonsLlm.BadPruning;

            // Findings left after the retry are validation's to judge: the record is rejected as unfaithful there, or kept with them.
            if (problem is null && attempt is not null && Unfaithful(record, reasoning, trace) is { } unfaithful)
            {
                (problem, reason) = (unfaithful, RejectReasons.Unfaithful);
            }

            if (problem is null)
            {
                return new PrunedTrace(trace, actions, Name);
            }

            Keep(record.Id, StageNames.Prune, Attempt(attempt), reason, problem, answer);
        }

        throw new TeacherException(RejectReasonsLlm.BadPruning, $"the teacher's pruned trace was not accepted after a corrective retry: {problem}");
    }

    /// <summary>The first request for a record, as it would be sent (for --dry-run).</summary>
    public ChatRequest DecomposeRequest(DrpRecord record)
    {
        var (prompt, budget) = DecomposePrompt(record.Question ?? "", record.Trace?.Reasoning ?? "");
        return Request(record.Id, StageNames.Decompose, prompt, budget, Schemas.Decompose);
    }

    private (string Prompt, int Budget) DecomposePrompt(string question, string reasoning) =>
        (PromptSet.Render(prompts.Decompose, new Dictionary<string, string> { ["question"] = question, ["reasoning"] = reasoning })
            + (options.Structured ? StructuredNote : ""), Budget(reasoning.Length / 3 + 512));

    private const string StructuredNote = "\n\nAnswer as one JSON object that follows the given schema.";

    /// <summary>Asks; an answer cut at the budget is asked again once with twice the budget.</summary>
    private async Task<string> AskAsync(string recordId, string stage, int attempt, string prompt, int budget, string schema, CancellationToken cancellationToken)
    {
        var answer = await chat.CompleteAsync(Request(recordId, stage, prompt, budget, schema), cancellationToken);
        if (answer.FinishReason == "length")
        {
            var larger = Budget(budget * 2);
            answer = larger > budget ? await chat.CompleteAsync(Request(recordId, stage, prompt, larger, schema), cancellationToken) : answer;
            if (answer.FinishReason == "length")
            {
                throw new TeacherException(RejectReasonsLlm.TeacherOutputCut, $"the teacher's {stage} answer was cut at {larger} output tokens");
            }
        }

        if (Declined(stage, answer) is { } why)
        {
            Keep(recordId, stage, attempt, RejectReasonsLlm.TeacherDeclined, why, answer.Text, final: true);
            throw new TeacherException(RejectReasonsLlm.TeacherDeclined, why);
        }

        return answer.Text;
    }

    /// <summary>Keeps an answer that was not accepted, for the user to read (see <see cref="RejectedAnswers"/>).</summary>
    private void Keep(string recordId, string stage, int attempt, string reason, string detail, string answer, bool final = false) =>
        options.Rejected?.Add(recordId, stage, attempt, reason, detail, final || attempt == LastAttempt, answer);

    /// <summary>1 for the first request of a stage, 2 for its corrective retry (the prompt is null in the attempt loops).</summary>
    private static int Attempt(string? prompt) => prompt is null ? LastAttempt : 1;

    private const int LastAttempt = 2;

    /// <summary>Why an answer cannot be mended by a corrective retry (the same prompt at temperature 0 gets the same answer), or null.</summary>
    private static string? Declined(string stage, ChatAnswer answer)
    {
        var content = TeacherAnswerParser.Unwrapped(answer.Text).Trim();
        return answer.FinishReason == "content_filter" ? $"the endpoint's content filter stopped the teacher's {stage} answer"
            : content.Length == 0 ? $"the teacher's {stage} answer was empty{(answer.Text.Trim().Length > 0 ? " (it held only the teacher's own thinking)" : "")}"
            : TeacherAnswerParser.IsRefusal(content) ? $"the teacher declined the {stage} task: \"{content.Split('\n')[0].Trim()}\""
            : null;
    }

    private ChatRequest Request(string recordId, string stage, string prompt, int budget, string schema) =>
        options.Structured
            ? new ChatRequest(stage, prompt, budget, $"drp_{stage}", schema) { RecordId = recordId }
            : new ChatRequest(stage, prompt, budget) { RecordId = recordId };

    private int Budget(int wanted) => Math.Min(options.MaxOutputTokens, wanted);

    private string? CheckSteps(string reasoning, IReadOnlyList<Step> steps)
    {
        if (steps.Count == 0)
        {
            return "the answer had no steps (\"Step n: …\" lines)";
        }

        // The figure printed is the one compared: cut, not rounded, to a tenth of a percent (94.96% is "94.9%").
        var coverage = Math.Floor(Coverage.Of(reasoning, steps.Select(s => s.Text)) * 1000) / 1000;
        return coverage >= options.MinCoverage
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the steps cover {coverage:P1} of the reasoning, and must cover at least {options.MinCoverage:P1}: copy all of it, verbatim and in order");
    }

    private static string? CheckPruned(string reasoning, string trace) =>
        trace.Length == 0 ? "the answer had no pruned trace (a line starting \"##\")" : Conclusion.Check(reasoning, trace)?.Detail;

    /// <summary>
    /// What a corrective retry must say of the findings on a pruned trace, or null when there are none (or the check is
    /// not the teacher's to make): "your pruned reasoning says "8 * 30 = 241" (in "…"), which does not hold …".
    /// </summary>
    private string? Unfaithful(DrpRecord record, string reasoning, string trace)
    {
        if (options.Faithfulness != FaithfulnessMode.Reject)
        {
            return null;
        }

        var findings = FaithfulnessCheck.Check(record.Question, reasoning, trace);
        return findings.Count == 0 ? null
            : "it says what the student's reasoning never said: "
              + string.Join("; ", findings.Take(3).Select(f => $"in \"{f.Sentence}\", {f.Detail}"))
              + (findings.Count > 3 ? $"; and {findings.Count - 3} more" : "")
              + ". Keep the student's own numbers and computations, and every step that works out a result a kept step uses";
    }

    private static string Corrective(string prompt, string problem) =>
        $"An earlier answer to the task below was not accepted: {problem}. Answer again, following every rule.\n\n{prompt}";
}
