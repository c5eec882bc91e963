using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Export;
using Drp.Core.Model;

namespace Drp.Tests;

/// <summary>
/// How a user reads an exported line, with checks of its own rather than drp's validation: the text after
/// &lt;/think&gt; stops mid-sentence; the closing "The answer is X" names numbers the reasoning never wrote; the answer
/// is stated twice. Used by the real-data tests and the integrity bench.
/// </summary>
public static partial class TrainingLineChecks
{
    public const string Cut = "cut after </think>";
    public const string NotGold = "final answer not gold";
    public const string NotReached = "answer not reached";
    public const string NotShorter = "not shorter";
    public const string Twice = "answer twice";

    public static readonly IReadOnlyList<string> All = [Cut, NotGold, NotReached, NotShorter, Twice];

    /// <summary>The checks an exported sft-jsonl line of <paramref name="record"/> fails, each with what was seen.</summary>
    public static IEnumerable<(string Check, string Detail)> Violations(DrpRecord record, string line)
    {
        var (reasoning, answer) = TrainingLines.SplitAssistant(TrainingLines.Read(line, ExportFormat.SftJsonl).Assistant);
        if (StopsMidSentence(answer))
        {
            yield return (Cut, $"…{answer[^Math.Min(80, answer.Length)..]}");
        }

        // The final answer as drp's grader reads it: the grader is measured elsewhere; here, what the line states.
        if (AnswerExtractor.Extract(answer) is not { } stated || !AnswerEquivalence.AreEqual(stated.Value, record.Gold!))
        {
            yield return (NotGold, $"after </think>: {AnswerExtractor.Extract(answer)?.Value}, gold {record.Gold}");
        }

        var closing = Closing(reasoning);
        if (closing < 0 || !ClosingIsWrittenBefore(reasoning))
        {
            yield return (NotReached, closing < 0 ? "no closing sentence" : reasoning[closing..]);
        }

        if (reasoning.Length >= record.Trace!.Reasoning.Length || record.Tokens is { } tokens && tokens.Pruned >= tokens.Original)
        {
            yield return (NotShorter, $"{reasoning.Length} of {record.Trace.Reasoning.Length} characters");
        }

        if (closing >= 0 && StatesAnswerTwice(reasoning))
        {
            yield return (Twice, $"…{reasoning[Math.Max(0, closing - 150)..]}");
        }
    }

    /// <summary>A text that ends on a word, a colon or an operator, or inside an open brace or display.</summary>
    private static bool StopsMidSentence(string text)
    {
        var t = text.TrimEnd();
        var braces = t.Replace(@"\{", "").Replace(@"\}", "");
        if (t.Length == 0 || braces.Count(c => c == '{') > braces.Count(c => c == '}')
            || Regex.Count(t, @"\\\[") > Regex.Count(t, @"\\\]"))
        {
            return true;
        }

        return !".!?)]}*$".Contains(t[^1]) && !LabelledLastLine().IsMatch(t);
    }

    /// <summary>Where the closing sentence starts, or -1.</summary>
    private static int Closing(string reasoning) => reasoning.LastIndexOf("The answer is", StringComparison.Ordinal);

    /// <summary>Every number of the closing sentence is written in the reasoning before it (a non-number answer: its text is).</summary>
    private static bool ClosingIsWrittenBefore(string reasoning)
    {
        var at = Closing(reasoning);
        var (body, closing) = (reasoning[..at], reasoning[at..]);
        var flat = Thousands().Replace(body, "");
        var numbers = Number().Matches(Thousands().Replace(closing, "")).Select(m => m.Value).ToList();
        return numbers.Count > 0
            ? numbers.All(n => Regex.IsMatch(flat, $@"(?<![\d.]){Regex.Escape(n)}(?:\.0+)?(?!\d)"))
            : body.Replace(" ", "").Contains(closing["The answer is".Length..].Trim().TrimEnd('.').Trim('$').Replace(" ", ""), StringComparison.Ordinal);
    }

    /// <summary>"answer is" or a box in the closing sentence and the 150 characters before it more than once.</summary>
    private static bool StatesAnswerTwice(string reasoning) =>
        AnswerMention().Matches(reasoning[Math.Max(0, Closing(reasoning) - 150)..]).Count > 1;

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?im)^\W*(?:final\s+)?answer\W*:.*\S$")]
    private static partial Regex LabelledLastLine();

    [GeneratedRegex(@"(?i)\banswer is\b|\\boxed")]
    private static partial Regex AnswerMention();
}
