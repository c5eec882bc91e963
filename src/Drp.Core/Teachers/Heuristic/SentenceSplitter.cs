using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// Cuts a reasoning text into units: paragraphs (blank lines), display-math blocks (<c>\[…\]</c>, <c>$$…$$</c>)
/// kept whole, lines, and sentences. Every unit is a verbatim span of the text; the text between units is white space.
/// </summary>
internal static partial class SentenceSplitter
{
    public static IReadOnlyList<TextUnit> Split(string text)
    {
        var units = new List<TextUnit>();
        var paragraph = 0;
        var position = 0;
        foreach (var separator in ParagraphBreak().EnumerateMatches(text))
        {
            SplitParagraph(text, position, separator.Index, paragraph++, units);
            position = separator.Index + separator.Length;
        }

        SplitParagraph(text, position, text.Length, paragraph, units);
        return units;
    }

    private static void SplitParagraph(string text, int start, int end, int paragraph, List<TextUnit> units)
    {
        var position = start;
        while (position < end)
        {
            var math = DisplayMath().EnumerateMatches(text.AsSpan(position, end - position));
            if (!math.MoveNext())
            {
                SplitLines(text, position, end, paragraph, units);
                break;
            }

            var (mathStart, mathEnd) = (position + math.Current.Index, position + math.Current.Index + math.Current.Length);
            SplitLines(text, position, mathStart, paragraph, units);
            Add(text, mathStart, mathEnd, paragraph, units);
            position = mathEnd;
        }
    }

    private static void SplitLines(string text, int start, int end, int paragraph, List<TextUnit> units)
    {
        var lineStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] != '\n')
            {
                continue;
            }

            SplitSentences(text, lineStart, i, paragraph, units);
            lineStart = i + 1;
        }
    }

    private static void SplitSentences(string text, int start, int end, int paragraph, List<TextUnit> units)
    {
        var sentenceStart = start;
        for (var cut = start; cut < end; cut++)
        {
            if (text[cut] is not (' ' or '\t') || !EndsSentence(text, start, cut))
            {
                continue;
            }

            var next = cut;
            while (next < end && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next < end && StartsSentence(text[next]) && !EndsWithAbbreviation(text, sentenceStart, cut)
                && !ListMarker().IsMatch(text.AsSpan(sentenceStart, cut - sentenceStart)))
            {
                Add(text, sentenceStart, cut, paragraph, units);
                sentenceStart = next;
            }

            cut = next - 1;
        }

        Add(text, sentenceStart, end, paragraph, units);
    }

    /// <summary>
    /// Whether the text of the line before <paramref name="cut"/> ends a sentence: with . or ?, or ! (not after a
    /// digit or a closing bracket: "8! / 2" is a factorial), and then perhaps a closing quote, bracket or asterisk.
    /// </summary>
    private static bool EndsSentence(string text, int lineStart, int cut)
    {
        var last = cut - 1;
        if (last >= lineStart && text[last] is '"' or '\'' or ')' or ']' or '*')
        {
            last--;
        }

        return last >= lineStart && (text[last] is '.' or '?'
            || (text[last] == '!' && (last == lineStart || !(char.IsDigit(text[last - 1]) || text[last - 1] is ')' or ']' or '}'))));
    }

    /// <summary>What a sentence starts with: a capital, a quote, a bracket, a backslash (LaTeX), an asterisk or a dollar.</summary>
    private static bool StartsSentence(char c) => c is (>= 'A' and <= 'Z') or '"' or '\'' or '(' or '\\' or '*' or '$';

    private static bool EndsWithAbbreviation(string text, int start, int cut)
    {
        var from = Math.Max(start, cut - 6);
        return Abbreviation().IsMatch(text.AsSpan(from, cut - from));
    }

    private static void Add(string text, int start, int end, int paragraph, List<TextUnit> units)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            units.Add(new TextUnit(start, end - start, paragraph));
        }
    }

    // "1. D + N = 11": the number of a list item, not a sentence.
    [GeneratedRegex(@"^\s*(?:\d{1,2}|[A-Za-z])[.)]$")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\n[ \t\r]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\\\[[\s\S]*?\\\]|\$\$[\s\S]*?\$\$")]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|St|approx|No)\.)$")]
    private static partial Regex Abbreviation();
}
