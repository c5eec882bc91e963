using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>Finds the final answer in a trace: <c>\boxed{…}</c>, "The answer is …", <c>#### …</c>, "Final Answer", last number.</summary>
public static partial class AnswerExtractor
{
    private static readonly string[] BoxCommands = [@"\boxed", @"\fbox", @"\framebox"];

    public static ExtractedAnswer? Extract(string text)
    {
        if (LastBoxed(text) is { Length: > 0 } boxed)
        {
            return new ExtractedAnswer(boxed.Trim(), ExtractedAnswer.Boxed);
        }

        if (LastMatch(AnswerIsPattern(), text) is { } answerIs)
        {
            return new ExtractedAnswer(answerIs, ExtractedAnswer.AnswerIs);
        }

        if (LastMatch(HashesPattern(), text) is { } hashes)
        {
            return new ExtractedAnswer(hashes, ExtractedAnswer.Hashes);
        }

        if ((LastMatch(FinalAnswerHeadingPattern(), text) ?? LastMatch(AnswerLabelPattern(), text)) is { } heading)
        {
            return new ExtractedAnswer(heading, ExtractedAnswer.FinalAnswerHeading);
        }

        return LastNumberPattern().Matches(text) is { Count: > 0 } numbers
            ? new ExtractedAnswer(numbers[^1].Value, ExtractedAnswer.LastNumber)
            : null;
    }

    /// <summary>The content of the last <c>\boxed{…}</c> (nested braces), <c>\boxed 5</c>, <c>\fbox{…}</c>.</summary>
    public static string? LastBoxed(string text)
    {
        var (start, command) = (-1, "");
        foreach (var candidate in BoxCommands)
        {
            var at = text.LastIndexOf(candidate, StringComparison.Ordinal);
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
                    return text[(i + 1)..j];
                }
            }

            return null;
        }

        var token = BareBoxPattern().Match(text, i);
        return token.Success ? token.Groups[1].Value : null;
    }

    private static string? LastMatch(Regex pattern, string text)
    {
        var matches = pattern.Matches(text);
        for (var k = matches.Count - 1; k >= 0; k--)
        {
            var value = Clean(matches[k].Groups["value"].Value);
            if (value.Length > 0)
            {
                return value;
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

    [GeneratedRegex(@"^\W*Answer\W*:\W*(?<value>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex AnswerLabelPattern();

    [GeneratedRegex(@"\G[ \t]+([^\s$]+)")]
    private static partial Regex BareBoxPattern();

    [GeneratedRegex(@"(?i:the\s+(?:final\s+)?answer\s+is)\s*:?\s*(?<value>[^\n]*?)(?:\.\s|\.$|\n|$)", RegexOptions.Multiline)]
    private static partial Regex AnswerIsPattern();

    [GeneratedRegex(@"^\s*####\s*(?<value>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex HashesPattern();

    [GeneratedRegex(@"\*\*Final Answer\*\*:?\s*(?<value>[^\n]+)")]
    private static partial Regex FinalAnswerHeadingPattern();

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?")]
    private static partial Regex LastNumberPattern();
}
