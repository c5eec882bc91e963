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
    /// The share of the text's distinct content words found in <paramref name="known"/> (1 when it has none); with
    /// <paramref name="learn"/>, its words are then added to <paramref name="known"/>. This runs on every sentence
    /// and step: the words are sorted on the stack to find the distinct ones, rather than put in a new set.
    /// </summary>
    public static double Overlap(ReadOnlySpan<char> text, HashSet<ulong> known, bool learn = false)
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
        var (distinct, found) = (0, 0);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && words[i] == words[i - 1])
            {
                continue;
            }

            distinct++;
            found += (learn ? !known.Add(words[i]) : known.Contains(words[i])) ? 1 : 0;
        }

        return distinct == 0 ? 1 : found / (double)distinct;
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
