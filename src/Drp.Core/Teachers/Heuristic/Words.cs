namespace Drp.Core.Teachers.Heuristic;

/// <summary>The content words of a text (lower case, three letters or more, no stop words), to measure overlap.</summary>
internal static class Words
{
    private static readonly HashSet<ulong> StopWordHashes = [.. Phrases.Of("words.stop").Select(w => Hash(w))];

    /// <summary>The content words of a text, as a set (see <see cref="Scan"/>).</summary>
    public static HashSet<ulong> ContentWords(ReadOnlySpan<char> text)
    {
        var words = new HashSet<ulong>();
        for (var scan = new Scan(text); scan.Next(out var word);)
        {
            words.Add(word);
        }

        return words;
    }

    /// <summary>
    /// The distinct content words of a text, sorted: they are sorted on the stack to find the distinct ones, rather
    /// than put in a set (this runs on every sentence).
    /// </summary>
    public static ulong[] Distinct(ReadOnlySpan<char> text)
    {
        // A word has three letters or more and something after it, so there are at most a third as many as chars.
        var most = text.Length / 3 + 1;
        var words = most <= 1024 ? stackalloc ulong[most] : new ulong[most];
        var count = 0;
        for (var scan = new Scan(text); scan.Next(out var word);)
        {
            words[count++] = word;
        }

        words = words[..count];
        words.Sort();
        var distinct = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (i == 0 || words[i] != words[i - 1])
            {
                words[distinct++] = words[i];
            }
        }

        return words[..distinct].ToArray();
    }

    /// <summary>
    /// The share of <paramref name="words"/> (distinct) found in <paramref name="known"/> (1 when there are none);
    /// with <paramref name="learn"/>, they are then added to <paramref name="known"/>.
    /// </summary>
    public static double Share(ReadOnlySpan<ulong> words, HashSet<ulong> known, bool learn = false)
    {
        var found = 0;
        foreach (var word in words)
        {
            found += (learn ? !known.Add(word) : known.Contains(word)) ? 1 : 0;
        }

        return words.Length == 0 ? 1 : found / (double)words.Length;
    }

    /// <summary>
    /// The content words of a text, one at a time: runs of ASCII letters and apostrophes of 3 to 64 chars that are
    /// not stop words, each as a 64-bit hash of its lower-case spelling (FNV-1a; a collision among the few thousand
    /// words of a trace is out of reach), a plural as its singular ("apples" as "apple"). Allocates nothing.
    /// </summary>
    public ref struct Scan(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int i;

        public bool Next(out ulong word)
        {
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

                word = length > 4 && last == 's' && beforeLast != 's' ? withoutLast : hash;
                return true;
            }

            word = 0;
            return false;
        }
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
