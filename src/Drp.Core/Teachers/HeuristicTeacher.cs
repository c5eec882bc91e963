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
        if (!AnswerReach.Reaches(trace.Reasoning, answer))
        {
            throw new TeacherException(RejectReasons.AnswerNotReached,
                $"the reasoning never reaches the final answer {answer}: the work is after </think> (a plan), and a pruned trace would state an answer it never derived");
        }

        var (reasoning, actions) = HeuristicPruner.Prune(
            trace.Reasoning, record.Question ?? "", steps, answer, (steps as DecomposedSteps)?.Facts);
        return Task.FromResult(new PrunedTrace(reasoning, actions, TeacherName));
    }

    /// <summary>
    /// The answer the trace reached: one its final answer part states clearly, else one its reasoning states clearly,
    /// else the last number of the final answer part or, when that part was cut off, of the reasoning.
    /// </summary>
    private static string? FinalAnswer(Trace trace)
    {
        static bool Clear(ExtractedAnswer? found) => found is { Method: not ExtractedAnswer.LastNumber };
        var inAnswer = AnswerExtractor.Extract(trace.Answer);
        if (Clear(inAnswer))
        {
            return inAnswer!.Value;
        }

        // Read only when the answer part says nothing clear: the reasoning is the long text.
        var inReasoning = AnswerExtractor.Extract(trace.Reasoning);
        var best = Clear(inReasoning) ? inReasoning
            : inAnswer is not null && !FinalAnswerSection.IsCut(trace.Answer) ? inAnswer
            : inReasoning ?? inAnswer;
        return best?.Value;
    }
}
