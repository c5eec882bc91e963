using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Answers;

/// <summary>Why a pruned trace is not one to train on: a reason code of <see cref="RejectReasons"/> and what was seen.</summary>
public sealed record ConclusionProblem(string Reason, string Detail);

/// <summary>
/// The rules every pruned trace must meet, whatever the teacher: shorter than the original, ending with one sentence
/// "The answer is X", stated once, where X is an answer the reasoning before it reached.
/// </summary>
public static partial class Conclusion
{
    /// <summary>The first rule <paramref name="pruned"/> breaks, or null when it meets them all.</summary>
    public static ConclusionProblem? Check(string original, string pruned)
    {
        if (pruned.Trim().Length == 0)
        {
            return new(RejectReasons.NoAnswer, "the pruned trace is empty");
        }

        if (pruned.Length >= original.Length)
        {
            return new(RejectReasons.NotShorter, $"the pruned trace ({pruned.Length} characters) is not shorter than the original ({original.Length})");
        }

        var sentence = FinalAnswerSentence().Match(pruned);
        if (!sentence.Success)
        {
            return new(RejectReasons.NoAnswer, "the pruned trace does not end with a sentence starting \"The answer is\"");
        }

        var body = pruned[..sentence.Index].TrimEnd();
        if (EndsWithAnswerStatement(body))
        {
            return new(RejectReasons.DoubledAnswer, "the pruned trace states its answer twice in a row");
        }

        var answer = AnswerExtractor.Extract(sentence.Value)?.Value;
        return answer is null || AnswerReach.Reaches(body, answer)
            ? null
            : new(RejectReasons.AnswerNotReached, $"the pruned reasoning never reaches the answer it states ({answer})");
    }

    /// <summary>
    /// The pruned trace with an answer its last step already states ("**Final Answer** <c>\boxed{18}</c>") said once, by
    /// the closing "The answer is 18." alone; unchanged when the two answers differ or nothing is said twice.
    /// </summary>
    public static string WithAnswerSaidOnce(string pruned)
    {
        var sentence = FinalAnswerSentence().Match(pruned);
        if (!sentence.Success || !EndsWithAnswerStatement(pruned[..sentence.Index].TrimEnd()))
        {
            return pruned;
        }

        var body = pruned[..sentence.Index].TrimEnd();
        var stated = AnswerExtractor.Extract(body[LastSentenceStart(body)..])?.Value;
        var closing = AnswerExtractor.Extract(sentence.Value)?.Value;
        if (stated is null || closing is null || !AnswerEquivalence.AreEqual(stated, closing))
        {
            return pruned;
        }

        var kept = AnswerHeading().Replace(WithoutTrailingAnswerStatements(body), "").TrimEnd();
        if (kept.Length == 0)
        {
            return pruned;
        }

        // The space the repeated statement stood after: "… = 18. **Final Answer** \boxed{18} The answer is 18." keeps its " ".
        var gap = body[kept.Length..];
        var space = gap[..(gap.Length - gap.TrimStart().Length)];
        return kept + (space.Length == 0 ? " " : space) + sentence.Value;
    }

    /// <summary>The text without the answer statements it ends with ("So the answer is 42.", "… is <c>\boxed{42}</c>.").</summary>
    public static string WithoutTrailingAnswerStatements(string text)
    {
        var trimmed = text.TrimEnd();
        while (trimmed.Length > 0 && EndsWithAnswerStatement(trimmed))
        {
            trimmed = trimmed[..LastSentenceStart(trimmed)].TrimEnd();
        }

        return trimmed;
    }

    /// <summary>
    /// The text with the boxes of its last paragraph opened: "… is <c>\boxed{2\sqrt{5}}</c>." reads "… is
    /// <c>$2\sqrt{5}$</c>.", a result stated rather than an answer announced. A paragraph that is a box alone is dropped.
    /// </summary>
    public static string WithLastParagraphUnboxed(string text)
    {
        var start = text.LastIndexOf('\n') + 1;
        var paragraph = text[start..];
        if (LoneBox().IsMatch(paragraph))
        {
            return text[..start].TrimEnd();
        }

        while (paragraph.LastIndexOf(@"\boxed{", StringComparison.Ordinal) is var at and >= 0
            && AnswerExtractor.LastBoxed(paragraph[at..]) is { } content)
        {
            var inMath = MathOpener().IsMatch(paragraph.AsSpan(0, at));
            paragraph = paragraph[..at] + (inMath ? content : $"${content}$") + paragraph[(at + @"\boxed{".Length + content.Length + 1)..];
        }

        return text[..start] + paragraph;
    }

    private static bool EndsWithAnswerStatement(string text) =>
        text.Length > 0 && AnswerStatement().IsMatch(text.AsSpan(LastSentenceStart(text)));

    /// <summary>Where the last sentence of the text starts: after the last line break or sentence end before it.</summary>
    private static int LastSentenceStart(string text)
    {
        var end = text.Length - 1;
        while (end > 0 && ".!?".Contains(text[end]))
        {
            end--;
        }

        for (var i = end; i > 0; i--)
        {
            if (text[i] == '\n' || (char.IsWhiteSpace(text[i]) && ".!?".Contains(text[i - 1])))
            {
                return i + 1;
            }
        }

        return 0;
    }

    // "**Final Answer**", "### Answer", "Final answer:" left alone after the last sentence (or a marked heading after any text).
    [GeneratedRegex(@"(?:(?<=[.!?])\s+|\n|\A|\s+(?=[#*]))[#*\s]*(?:final\s+)?answer[*:\s]*\z", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerHeading();

    [GeneratedRegex(@"^[\s$]*(?:\\\[)?\s*\\boxed\{.*\}\s*(?:\\\])?[\s$.]*$")]
    private static partial Regex LoneBox();

    [GeneratedRegex(@"(?:\$|\\\(|\\\[)\s*$")]
    private static partial Regex MathOpener();

    [GeneratedRegex(@"The answer is(?:(?![.!?]\s+\S)[\s\S])*$")]
    private static partial Regex FinalAnswerSentence();

    [GeneratedRegex(@"\banswer\s+is\b|\\boxed\b|^\W*(?:final\s+)?answer\W*:", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerStatement();
}
