namespace Drp.Core.Teachers.Heuristic;

/// <summary>The content words of a text (lower case, three letters or more, no stop words), to measure overlap.</summary>
internal static class Words
{
    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "that", "this", "with", "are", "was", "were", "has", "have", "had", "but", "not", "you",
        "all", "can", "her", "his", "she", "him", "its", "they", "them", "their", "then", "than", "there", "what",
        "which", "who", "how", "many", "much", "each", "per", "from", "into", "out", "will", "would", "does", "did",
        "let", "see", "one", "two", "also", "just", "now", "our", "get", "got", "some", "more", "any", "she's",
        "he's", "it's", "that's", "let's", "okay", "yes",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words are runs of ASCII letters and apostrophes, each kept as a 64-bit hash of its lower-case spelling (FNV-1a;
    /// a collision among the few thousand words of a trace is out of reach). Scanned by hand and allocating no
    /// string: this runs on every sentence.
    /// </summary>
    public static HashSet<ulong> ContentWords(ReadOnlySpan<char> text)
    {
        var words = new HashSet<ulong>();
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            var length = i - start;
            if (length < 3 || length > buffer.Length)
            {
                continue;
            }

            var word = buffer[..length];
            text.Slice(start, length).ToLowerInvariant(word);
            if (StopWordLookup.Contains(word))
            {
                continue;
            }

            // A plural and its singular are one word: "apples" and "apple".
            if (length > 4 && word[^1] == 's' && word[^2] != 's')
            {
                word = word[..^1];
            }

            words.Add(Hash(word));
        }

        return words;
    }

    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The share of <paramref name="words"/> found in <paramref name="known"/> (1 when there are none).</summary>
    public static double Overlap(HashSet<ulong> words, HashSet<ulong> known)
    {
        if (words.Count == 0)
        {
            return 1;
        }

        var found = 0;
        foreach (var word in words)
        {
            found += known.Contains(word) ? 1 : 0;
        }

        return found / (double)words.Count;
    }
}
