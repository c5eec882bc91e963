using Drp.Core.Answers;
using Drp.Core.Model;
using Drp.Core.Teachers.Heuristic;

namespace Drp.Core.Teachers;

/// <summary>The offline teacher: deterministic, no model, no network. The default <c>--teacher</c>.</summary>
public sealed class HeuristicTeacher : ITeacher
{
    public const string TeacherName = "heuristic";

    public string Name => TeacherName;

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
        var answer = FinalAnswer(trace)
            ?? throw new TeacherException(RejectReasons.NoAnswer, "the trace states no final answer (no \\boxed{}, no \"the answer is\")");
        var (reasoning, actions) = HeuristicPruner.Prune(
            trace.Reasoning, record.Question ?? "", steps, answer, (steps as DecomposedSteps)?.Facts);
        return Task.FromResult(new PrunedTrace(reasoning, actions, TeacherName));
    }

    /// <summary>The answer the trace reached: from its final answer part, else from the end of its reasoning.</summary>
    private static string? FinalAnswer(Trace trace)
    {
        var found = AnswerExtractor.Extract(trace.Answer);
        if (found is null || found.Method == ExtractedAnswer.LastNumber)
        {
            found = AnswerExtractor.Extract(trace.Reasoning) is { Method: not ExtractedAnswer.LastNumber } inReasoning ? inReasoning : found;
        }

        return found?.Value;
    }
}
