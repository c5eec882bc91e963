using System.Text.RegularExpressions;
using Drp.Core.Teachers.Heuristic;
using Drp.Tests;

namespace Drp.Core.Tests.Teachers;

/// <summary>
/// The offline teacher finds sentence ends by a hand-written scan where a regular expression was too slow for every
/// line: it must cut exactly where the expression it replaces cut.
/// </summary>
public sealed partial class SentenceScanTests
{
    // After . ? or ! (and a closing quote or bracket), white space, then what starts a sentence; "8! / 2" is a factorial.
    [GeneratedRegex(@"(?<=(?:[.?]|(?<![\d)\]}])!)[""')\]*]?)[ \t]+(?=[A-Z""'(\\*$])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|St|approx|No)\.)$")]
    private static partial Regex Abbreviation();

    // "1. D + N = 11": a list item's number is not a sentence.
    [GeneratedRegex(@"^\s*(?:\d{1,2}|[A-Za-z])[.)]$")]
    private static partial Regex ListMarker();

    private static readonly string[] Pieces =
        [" ", "  ", "\t", ".", "?", "!", "\"", "'", ")", "]", "}", "*", "A", "a", "1", "٣", "(", "\\", "$", "e.g", "Mr", "No", "x"];

    /// <summary>Short lines of the characters the scan decides on, in every order.</summary>
    private static IEnumerable<string> Generated(int count)
    {
        var random = new Random(1);
        for (var n = 0; n < count; n++)
        {
            yield return string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        }
    }

    private static IEnumerable<string> RealLines() =>
        Directory.EnumerateFiles(TestPaths.Shared("traces"), "*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .SelectMany(line => line.Replace("\\n", "\n").Split('\n'));

    [Fact]
    public void Sentences_end_where_the_pattern_says_in_generated_lines() => AssertSameSentences(Generated(200_000));

    [SharedDataFact]
    public void Sentences_end_where_the_pattern_says_in_every_real_trace() => AssertSameSentences(RealLines());

    private static void AssertSameSentences(IEnumerable<string> lines)
    {
        foreach (var line in lines.Where(l => !l.Contains('\n') && !l.Contains("\\[") && !l.Contains("$$")))
        {
            var expected = Sentences(line);
            var found = SentenceSplitter.Split(line).Select(u => line.Substring(u.Start, u.Length));
            Assert.True(expected.SequenceEqual(found), line);
        }
    }

    /// <summary>The sentences of one line as the splitter cut them with the boundary pattern.</summary>
    private static List<string> Sentences(string line)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (var boundary in SentenceBoundary().EnumerateMatches(line))
        {
            var from = Math.Max(start, boundary.Index - 6);
            if (!Abbreviation().IsMatch(line.AsSpan(from, boundary.Index - from)) && !ListMarker().IsMatch(line.AsSpan(start, boundary.Index - start)))
            {
                sentences.Add(line[start..boundary.Index]);
                start = boundary.Index + boundary.Length;
            }
        }

        sentences.Add(line[start..]);
        return [.. sentences.Select(s => s.Trim()).Where(s => s.Length > 0)];
    }
}
