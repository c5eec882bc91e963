namespace Drp.Core.Tokens;

/// <summary>Counting a text in which some strings are single tokens (&lt;think&gt;, a chat template's own tokens).</summary>
internal static class SpecialTokens
{
    public delegate int CountText(ReadOnlySpan<char> text);

    /// <summary>Each special token one token, the text between them counted by <paramref name="countBetween"/>.</summary>
    public static int Count(string text, IReadOnlyCollection<string> specials, CountText countBetween)
    {
        var count = 0;
        var from = 0;
        while (Next(text, from, specials) is var (at, length) && at >= 0)
        {
            count += countBetween(text.AsSpan(from, at - from)) + 1;
            from = at + length;
        }

        return count + countBetween(text.AsSpan(from));
    }

    /// <summary>The first special token from <paramref name="from"/> on (the longest of those that start there), or -1.</summary>
    private static (int At, int Length) Next(string text, int from, IReadOnlyCollection<string> specials)
    {
        var best = (At: -1, Length: 0);
        foreach (var special in specials)
        {
            var at = text.IndexOf(special, from, StringComparison.Ordinal);
            if (at >= 0 && (best.At < 0 || at < best.At || (at == best.At && special.Length > best.Length)))
            {
                best = (at, special.Length);
            }
        }

        return best;
    }
}
