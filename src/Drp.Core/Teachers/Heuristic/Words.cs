namespace Drp.Core.Teachers.Heuristic;

/// <summary>The content words of a text (lower case, three letters or more, no stop words), to measure overlap.</summary>
internal static class Words
{
    private static readonly string[] StopWords =
    [
        "the", "and", "for", "that", "this", "with", "are", "was", "were", "has", "have", "had", "but", "not", "you",
        "all", "can", "her", "his", "she", "him", "its", "they", "them", "their", "then", "than", "there", "what",
        "which", "who", "how", "many", "much", "each", "per", "from", "into", "out", "will", "would", "does", "did",
        "let", "see", "one", "two", "also", "just", "now", "our", "get", "got", "some", "more", "any", "she's",
        "he's", "it's", "that's", "let's", "okay", "yes",
    ];

    private static readonly HashSet<ulong> StopWordHashes = [.. StopWords.Select(w => Hash(w))];

    /// <summary>
    /// Words are runs of ASCII letters and apostrophes, each kept as a 64-bit hash of its lower-case spelling (FNV-1a;
    /// a collision among the few thousand words of a trace is out of reach), hashed as it is scanned: this runs on
    /// every sentence and allocates nothing but the set.
    /// </summary>
    public static HashSet<ulong> ContentWords(ReadOnlySpan<char> text)
    {
        var words = new HashSet<ulong>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var (hash, withoutLast) = (Offset, Offset);
            var (last, beforeLast) = ('\0', '\0');
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '\''))
            {
                var c = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] | 0x20) : text[i];
                (withoutLast, hash) = (hash, (hash ^ c) * Prime);
                (beforeLast, last) = (last, c);
                i++;
            }

            var length = i - start;
            if (length < 3 || length > 64 || StopWordHashes.Contains(hash))
            {
                continue;
            }

            // A plural and its singular are one word: "apples" and "apple".
            words.Add(length > 4 && last == 's' && beforeLast != 's' ? withoutLast : hash);
        }

        return words;
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

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private static ulong Hash(string word)
    {
        var hash = Offset;
        foreach (var c in word)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
