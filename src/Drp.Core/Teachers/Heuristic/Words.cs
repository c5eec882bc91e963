using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>The content words of a text (lower case, three letters or more, no stop words), to measure overlap.</summary>
internal static partial class Words
{
    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "that", "this", "with", "are", "was", "were", "has", "have", "had", "but", "not", "you",
        "all", "can", "her", "his", "she", "him", "its", "they", "them", "their", "then", "than", "there", "what",
        "which", "who", "how", "many", "much", "each", "per", "from", "into", "out", "will", "would", "does", "did",
        "let", "see", "one", "two", "also", "just", "now", "our", "get", "got", "some", "more", "any", "she's",
        "he's", "it's", "that's", "let's", "okay", "so", "yes", "if", "of", "to", "in", "is", "it", "a", "an",
    ];

    public static HashSet<string> ContentWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in WordPattern().Matches(text))
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length >= 3 && !StopWords.Contains(word))
            {
                words.Add(Stem(word));
            }
        }

        return words;
    }

    /// <summary>The share of <paramref name="words"/> found in <paramref name="known"/> (1 when there are none).</summary>
    public static double Overlap(HashSet<string> words, HashSet<string> known) =>
        words.Count == 0 ? 1 : words.Count(known.Contains) / (double)words.Count;

    private static string Stem(string word) => word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss") ? word[..^1] : word;

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex WordPattern();
}
