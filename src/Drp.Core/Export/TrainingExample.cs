using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Export;

/// <summary>One training example: the question, and the reasoning and final answer of the assistant turn.</summary>
public sealed record TrainingExample(string Question, string Reasoning, string Answer)
{
    /// <summary>
    /// The assistant turn: <c>&lt;think&gt;\n{reasoning}\n&lt;/think&gt;\n\n{answer}</c>. Exported raw: R1-distill chat
    /// templates delete everything up to <c>&lt;/think&gt;</c> from assistant turns, so train with one that does not.
    /// </summary>
    public string AssistantTurn => $"<think>\n{Reasoning}\n</think>\n\n{Answer}";

    /// <summary>
    /// The example for a validated record, with its pruned or its original reasoning. A student's final answer that
    /// validation found cut off or unclear is replaced by the sentence form of the validated answer.
    /// </summary>
    public static TrainingExample From(DrpRecord record, bool original, string answerStyle)
    {
        var trace = record.Trace!;
        var reasoning = original ? trace.Reasoning : record.Pruned!.Reasoning;
        var answer = record.Validation?.Extracted ?? "";
        var finalAnswer = answerStyle switch
        {
            AnswerStyles.Boxed => $@"\boxed{{{answer}}}",
            AnswerStyles.Sentence => AnswerSentence.For(answer),
            _ when record.Validation?.AnswerReplaced is not null => AnswerSentence.For(answer),
            _ => trace.Answer,
        };
        return new TrainingExample(record.Question!, reasoning, finalAnswer);
    }
}
