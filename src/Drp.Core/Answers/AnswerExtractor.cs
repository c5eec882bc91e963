using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>
/// Finds the final answer in a text: the marked answer that starts last (<c>\boxed{…}</c>, several boxes as a list,
/// "The answer is …", <c>#### …</c>, "Final Answer" or "Answer:"), else a short line that is all math, else the last
/// math span or number (a guess).
/// </summary>
public static partial class AnswerExtractor
{
    private static readonly string[] BoxCommands = [@"\boxed", @"\fbox", @"\framebox"];

    public static ExtractedAnswer? Extract(string text)
    {
        // The marked answer that starts last: "The answer is \boxed{5}" is a box, "\boxed{255} … The final answer is 10,455" is not.
        (int Start, ExtractedAnswer Answer)? best = null;
        void Consider((string Value, int Start)? found, string method)
        {
            if (found is { } f && (best is null || f.Start > best.Value.Start))
            {
                best = (f.Start, new ExtractedAnswer(f.Value, method));
            }
        }

        // Each mark is looked for only after the best so far: on a long trace the search is of its tail.
        int After() => best is { } b ? b.Start + 1 : 0;
        Consider(BoxedList(text), ExtractedAnswer.Boxed);
        Consider(LastMatch(AnswerIsPattern(), text, After()), ExtractedAnswer.AnswerIs);
        Consider(LastMatch(HashesPattern(), text, After()), ExtractedAnswer.Hashes);
        Consider(LastMatch(FinalAnswerHeadingPattern(), text, After()) ?? LastMatch(AnswerLabelPattern(), text, After()), ExtractedAnswer.FinalAnswerHeading);
        if (best is { } marked)
        {
            return marked.Answer;
        }

        if (WholeAnswer(text) is { } whole)
        {
            return new ExtractedAnswer(whole, ExtractedAnswer.LastExpression);
        }

        var numbers = LastNumberPattern().Matches(text);
        var math = MathSpanPattern().Matches(text);
        var lastNumber = numbers.Count > 0 ? numbers[^1] : null;
        var lastMath = math.Count > 0 ? math[^1] : null;
        if (lastMath is not null && (lastNumber is null || lastMath.Index + lastMath.Length >= lastNumber.Index + lastNumber.Length))
        {
            return new ExtractedAnswer(lastMath.Groups["value"].Value.Trim(), ExtractedAnswer.LastExpression);
        }

        return lastNumber is null ? null : new ExtractedAnswer(lastNumber.Value, ExtractedAnswer.LastNumber);
    }

    /// <summary>A short text that is all answer: one line of math (<c>\frac{10}{9}</c>, <c>$E$</c>, <c>$$\text{odd}$$</c>), no prose.</summary>
    private static string? WholeAnswer(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > MaxWholeAnswer || trimmed.Contains('\n'))
        {
            return null;
        }

        var delimited = DelimitedMath().IsMatch(trimmed);
        return delimited || !ProseWord().IsMatch(LatexCommand().Replace(trimmed, "")) ? trimmed : null;
    }

    private const int MaxWholeAnswer = 100;

    /// <summary>
    /// The last <c>\boxed{…}</c>, or the boxes that end the text as one list when the last word between them is "and" or "or", or there is none:
    /// <c>\boxed{-2} \quad \text{and} \quad \boxed{1}</c> is "-2, 1"; boxes far apart or between other words are not.
    /// </summary>
    public static string? BoxedAnswer(string text) => BoxedList(text)?.Value;

    private static (string Value, int Start)? BoxedList(string text)
    {
        if (LastBox(text, text.Length) is not { } last)
        {
            return null;
        }

        var start = last.Start;
        var contents = new List<string> { last.Content.Trim() };
        for (var box = LastBox(text, last.Start, ListWindow); box is { } previous; box = LastBox(text, previous.Start, ListWindow))
        {
            var between = text[previous.End..last.Start];
            var words = Word().Matches(LatexCommand().Replace(between, ""));
            if (between.Length > MaxListSeparator || between.Contains("\n\n", StringComparison.Ordinal)
                || (words.Count > 0 && words[^1].Value is not ("and" or "or")))
            {
                break;
            }

            contents.Insert(0, previous.Content.Trim());
            last = previous;
        }

        var value = string.Join(", ", contents);
        return value.Length > 0 ? (value, start) : null;
    }

    private const int MaxListSeparator = 40;

    /// <summary>How far before a box the one before it is looked for (its start; a list's boxes are short and close).</summary>
    private const int ListWindow = 1000;

    private readonly record struct Box(int Start, int End, string Content);

    /// <summary>The content of the last <c>\boxed{…}</c> (nested braces), <c>\boxed 5</c>, <c>\fbox{…}</c>.</summary>
    public static string? LastBoxed(string text) => LastBox(text, text.Length)?.Content;

    /// <summary>The last box that starts before <paramref name="before"/> (and, with a window, at most that far before it).</summary>
    private static Box? LastBox(string text, int before, int window = int.MaxValue)
    {
        var (start, command) = (-1, "");
        var count = Math.Min(before, window);
        foreach (var candidate in BoxCommands)
        {
            var at = before == 0 ? -1 : text.LastIndexOf(candidate, before - 1, count, StringComparison.Ordinal);
            if (at > start)
            {
                (start, command) = (at, candidate);
            }
        }

        if (start < 0)
        {
            return null;
        }

        var i = start + command.Length;
        if (i < text.Length && text[i] == '{')
        {
            var depth = 0;
            for (var j = i; j < text.Length; j++)
            {
                depth += text[j] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    return new Box(start, j + 1, text[(i + 1)..j]);
                }
            }

            return null;
        }

        var token = BareBoxPattern().Match(text, i);
        return token.Success ? new Box(start, token.Index + token.Length, token.Groups[1].Value) : null;
    }

    private static (string Value, int Start)? LastMatch(Regex pattern, string text, int startAt = 0)
    {
        var matches = pattern.Matches(text, startAt);
        for (var k = matches.Count - 1; k >= 0; k--)
        {
            var value = Clean(matches[k].Groups["value"].Value);
            if (value.Length > 0)
            {
                return (value, matches[k].Index);
            }
        }

        return null;
    }

    /// <summary>Trims punctuation; from a sentence with a bold part ("order **1,400 bananas**"), the bold part.</summary>
    private static string Clean(string value)
    {
        if (BoldPattern().Match(value) is { Success: true } bold)
        {
            value = bold.Groups[1].Value;
        }

        value = value.Trim().TrimEnd('.', ' ').Trim('*', ' ', ':');
        return SentenceWithOneNumber(value) ?? value;
    }

    /// <summary>"Travis now has 70 apps on his tablet" → "70": a sentence (no LaTeX but <c>\$</c>) that names a single number.</summary>
    private static string? SentenceWithOneNumber(string value)
    {
        if (value.Replace(@"\$", "$").Contains('\\') || value.Count(c => c == ' ') < 3)
        {
            return null;
        }

        var numbers = LastNumberPattern().Matches(value);
        return numbers.Count == 1 ? numbers[0].Value : null;
    }

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"^\W*Answer\W*:[\s*]*(?<value>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex AnswerLabelPattern();

    [GeneratedRegex(@"\G[ \t]+([^\s$]+)")]
    private static partial Regex BareBoxPattern();

    [GeneratedRegex(@"(?i:the\s+(?:final\s+)?answer\s+is)\s*:?\s*(?<value>[^\n]*?)(?:\.\s|\.$|\n|$)", RegexOptions.Multiline)]
    private static partial Regex AnswerIsPattern();

    [GeneratedRegex(@"^\s*####\s*(?<value>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex HashesPattern();

    [GeneratedRegex(@"\*\*Final Answer\*\*:?\s*(?<value>[^\n]+)")]
    private static partial Regex FinalAnswerHeadingPattern();

    // A number, a fraction 2/3; not the digits of a word (AZYUK2A).
    [GeneratedRegex(@"(?<![A-Za-z])-?\d[\d,]*(?:\.\d+)?(?:/\d+)?")]
    private static partial Regex LastNumberPattern();

    // $…$, $$…$$, \(…\), \[…\] with a digit in it.
    [GeneratedRegex(@"\$\$(?<value>[^$]*\d[^$]*)\$\$|\$(?<value>[^$]*\d[^$]*)\$|\\\((?<value>.*?\d.*?)\\\)|\\\[(?<value>.*?\d.*?)\\\]", RegexOptions.Singleline)]
    private static partial Regex MathSpanPattern();

    // Between boxes of one list, the last word (of two letters or more) is "and" or "or", or there is none:
    // "\boxed{1} papers and \boxed{2}" is a list, "\boxed{3} and later \boxed{4}" is not.
    [GeneratedRegex(@"[a-zA-Z]{2,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"\\[a-zA-Z]+")]
    private static partial Regex LatexCommand();

    [GeneratedRegex(@"[a-zA-Z]{3,}")]
    private static partial Regex ProseWord();

    // All of the text inside one pair of math delimiters.
    [GeneratedRegex(@"^(?:\$\$[^$]+\$\$|\$[^$]+\$|\\\(.*\\\)|\\\[.*\\\])$")]
    private static partial Regex DelimitedMath();
}
