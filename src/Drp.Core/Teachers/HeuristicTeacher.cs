using Drp.Core.Answers;
using Drp.Core.Model;
using Drp.Core.Teachers.Heuristic;

namespace Drp.Core.Teachers;

/// <summary>The offline teacher: deterministic, no model, no network. The default <c>--teacher</c>.</summary>
public sealed class HeuristicTeacher : ITeacher
{
    public const string TeacherName = "heuristic";

    public string Name => TeacherName;

    /// <summary>Whether each step action says which rule decided it and what it saw (<c>--explain</c>).</summary>
    public bool Explain { get; init; }

    public Task<IReadOnlyList<Step>> DecomposeAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        var trace = record.Trace ?? throw new TeacherException(RejectReasons.MissingTrace, "no trace to decompose");
        IReadOnlyList<Step> steps = HeuristicDecomposer.Decompose(trace.Reasoning, record.Question ?? "");
        if (steps.Count == 0)
        {
            throw new TeacherException(RejectReasons.EmptyReasoning, "the reasoning has no text to split into steps");
        }

        return Task.FromResult(steps);
    }

    public Task<PrunedTrace> PruneAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        var trace = record.Trace ?? throw new TeacherException(RejectReasons.MissingTrace, "no trace to prune");
        var steps = record.Steps is { Count: > 0 } s ? s : throw new TeacherException(RejectReasons.NoSteps, "no steps: run drp decompose first");
        var answer = Grader.TraceAnswer(trace)?.Value
            ?? throw new TeacherException(RejectReasons.NoAnswer, "the trace states no final answer (no \\boxed{}, no \"the answer is\")");
        if (!AnswerReach.Reaches(trace.Reasoning, answer))
        {
            throw new TeacherException(RejectReasons.AnswerNotReached,
                $"the reasoning never reaches the final answer {answer}: the work is after </think> (a plan), and a pruned trace would state an answer it never derived");
        }

        var (reasoning, actions) = HeuristicPruner.Prune(
            trace.Reasoning, record.Question ?? "", steps, answer, (steps as DecomposedSteps)?.Facts, Explain);
        return Task.FromResult(new PrunedTrace(reasoning, actions, TeacherName));
    }
}
