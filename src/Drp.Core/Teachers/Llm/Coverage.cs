namespace Drp.Core.Teachers.Llm;

/// <summary>
/// How much of the reasoning the steps cover, in order: the characters of the reasoning's words that an in-order
/// alignment (longest common subsequence of words) matches with the steps' words. Verbatim steps, the usual case,
/// are found by search in linear time; the word alignment runs only when some step is not verbatim.
/// </summary>
public static class Coverage
{
    /// <summary>Above this many word pairs, steps are located by exact search instead of aligned word by word.</summary>
    private const long AlignmentLimit = 60_000_000;

    /// <summary>The covered share, texts compared as a reader reads them (<see cref="ReaderText"/>).</summary>
    public static double Of(string reasoning, IEnumerable<string> steps)
    {
        reasoning = ReaderText.Plain(reasoning);
        steps = steps.Select(ReaderText.Plain);
        if (Verbatim(reasoning, steps.ToList()) is { } verbatim)
        {
            return verbatim;
        }

        var original = Words(reasoning);
        var covered = Words(string.Join(' ', steps));
        var total = original.Sum(w => w.Length);
        if (total == 0)
        {
            return 1;
        }

        return (long)original.Length * covered.Length <= AlignmentLimit
            ? Aligned(original, covered) / (double)total
            : Exact(string.Join(' ', original), covered) / (double)total;
    }

    /// <summary>The covered share when every step is found verbatim (white space aside) in order; null otherwise.</summary>
    private static double? Verbatim(string reasoning, List<string> steps)
    {
        var text = string.Join(' ', Words(reasoning));
        if (text.Length == 0)
        {
            return 1;
        }

        var (from, covered) = (0, 0L);
        foreach (var step in steps)
        {
            var needle = string.Join(' ', Words(step));
            var at = needle.Length == 0 ? from : text.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            covered += needle.Length - needle.Count(c => c == ' ');
            from = at + needle.Length;
        }

        return covered / (double)(text.Length - text.Count(c => c == ' '));
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static long Aligned(string[] a, string[] b)
    {
        var previous = new long[b.Length + 1];
        var current = new long[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + a[i - 1].Length
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static long Exact(string original, string[] covered)
    {
        var joined = string.Join(' ', covered);
        return original.Contains(joined, StringComparison.Ordinal) ? joined.Length - covered.Length + 1 : covered.Where(original.Contains).Sum(w => (long)w.Length);
    }
}
