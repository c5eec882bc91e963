namespace Drp.Core.Model;

/// <summary>
/// The one record that flows through every stage: one JSONL line per problem. Each stage adds its own field and
/// keeps the rest, so any stage can run on the output of an earlier one.
/// </summary>
public sealed record DrpRecord
{
    /// <summary>Stable key: from the input when it has one, else a content hash of question and trace.</summary>
    public required string Id { get; init; }

    /// <summary>Where the record came from: the input file name without its extension.</summary>
    public string? Source { get; init; }

    /// <summary>The dataset split the record was read from (train, test…), when its file's name or folder says it.</summary>
    public string? Split { get; init; }

    /// <summary>The record's place in its input (0-based, bad records counted): the order shards are merged back in.</summary>
    public long? Position { get; init; }

    public string? Question { get; init; }

    /// <summary>The gold final answer (for GSM8K, the number after <c>####</c>).</summary>
    public string? Gold { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(SharedTraceJson))]
    public Trace? Trace { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(SharedStepsJson))]
    public IReadOnlyList<Step>? Steps { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(SharedPrunedJson))]
    public PrunedTrace? Pruned { get; init; }

    public Validation? Validation { get; init; }

    /// <summary>The verdict on the original trace (<c>drp grade</c>), before any pruning.</summary>
    public Validation? Grade { get; init; }

    public TokenStats? Tokens { get; init; }

    /// <summary>The benchmark question this record's question matched (<c>--decontaminate</c>).</summary>
    public Contamination? Contamination { get; init; }

    /// <summary>Set by the first stage that could not handle the record; later stages pass it through untouched.</summary>
    public Rejection? Rejected { get; init; }
}

/// <summary>The student's own generation, split at <c>&lt;/think&gt;</c>.</summary>
public sealed record Trace(string Reasoning, string Answer, bool Complete, string? Model = null);

/// <summary>One step of the reasoning, doing one skill; <see cref="Text"/> is a verbatim segment.</summary>
public sealed record Step(int N, string Text, string Skill);

public sealed record PrunedTrace(string Reasoning, IReadOnlyList<StepAction> Actions, string Teacher);

/// <summary>What pruning did with one step or, for <c>merge</c>, with several neighbours.</summary>
public sealed record StepAction(IReadOnlyList<int> Steps, string Action)
{
    /// <summary>Why, rule by rule (<c>--explain</c> with the offline teacher; null otherwise).</summary>
    public IReadOnlyList<Why>? Why { get; init; }
}

/// <summary>A rule of the offline teacher that decided what became of step <see cref="Step"/> (<c>attempt.abandoned</c>), and what it saw.</summary>
public sealed record Why(int Step, string Rule, string Evidence);

/// <summary>A verdict on a final answer; <see cref="Method"/> says how the answer was found (last_number is a guess).</summary>
public sealed record Validation(bool Ok, string? Extracted = null, string? Reason = null, string? Method = null)
{
    /// <summary>
    /// Why the student's text after <c>&lt;/think&gt;</c> is not exported as it is (<c>final_answer_cut</c>,
    /// <c>final_answer_unclear</c>): the training line gets the sentence "The answer is …" with the validated answer.
    /// </summary>
    public string? AnswerReplaced { get; init; }

    /// <summary>What the pruned reasoning says that the question and the student's reasoning do not support (see <see cref="Finding"/>).</summary>
    public IReadOnlyList<Finding>? Findings { get; init; }
}

/// <param name="Line">With <c>--max-tokens</c>: the training line's length as the trainer sees it (chat template included).</param>
public sealed record TokenStats(int Original, int Pruned, string Tokenizer, int? Line = null);

public sealed record Rejection(string Stage, string Reason, string Detail);
