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
        foreach (var boundary in SentenceBoundary().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var cut = start + boundary.Index;
            if (!EndsWithAbbreviation(text, sentenceStart, cut))
            {
                Add(text, sentenceStart, cut, paragraph, units);
                sentenceStart = cut + boundary.Length;
            }
        }

        Add(text, sentenceStart, end, paragraph, units);
    }

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

    [GeneratedRegex(@"\n[ \t\r]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\\\[[\s\S]*?\\\]|\$\$[\s\S]*?\$\$")]
    private static partial Regex DisplayMath();

    // After . ? or ! (and a closing quote or bracket), white space, then what starts a sentence; "8! / 2" is a factorial.
    [GeneratedRegex(@"(?<=(?:[.?]|(?<![\d)\]}])!)[""')\]*]?)[ \t]+(?=[A-Z""'(\\*$])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|St|approx|No)\.)$")]
    private static partial Regex Abbreviation();
}
