namespace Drp.Core.Tokens;

/// <summary>
/// The pre-tokenizers of the GPT-4o (o200k), GPT-4 (cl100k) and Qwen2 patterns written out by hand: the end of the
/// piece that starts at a position, exactly where the pattern's first match from there ends (alternatives in order,
/// greedy, with the backtracking the pattern would do). <c>TokenizerTests</c> checks them against the patterns on
/// every real trace.
/// </summary>
internal static class PieceSplitter
{
    /// <summary>Finds where the piece starting at <paramref name="i"/> ends.</summary>
    public delegate int NextPiece(ReadOnlySpan<char> s, int i);

    /// <summary>
    /// <c>[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?</c>
    /// <c>|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?</c>
    /// <c>|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>
    /// </summary>
    public static int O200k(ReadOnlySpan<char> s, int i)
    {
        var prefixed = CharClasses.IsPrefix(s[i]) && i + 1 < s.Length;
        var word = prefixed ? UpperThenLower(s, i + 1) : -1;
        word = word >= 0 ? word : UpperThenLower(s, i);
        word = word >= 0 ? word : prefixed ? UpperThenMaybeLower(s, i + 1) : -1;
        word = word >= 0 ? word : UpperThenMaybeLower(s, i);
        if (word >= 0)
        {
            return Contraction(s, word);
        }

        return Numbers(s, i, 3) is var n and >= 0 ? n : Punctuation(s, i, slash: true) is var p and >= 0 ? p : Spaces(s, i);
    }

    /// <summary><c>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c></summary>
    public static int Cl100k(ReadOnlySpan<char> s, int i) => Gpt2Family(s, i, 3);

    /// <summary>The whole text as one piece: for an encoding whose pattern drp has no scanner for.</summary>
    public static int Whole(ReadOnlySpan<char> s, int i) => s.Length;

    /// <summary>Qwen2's pattern: cl100k's with one digit per piece (<c>\p{N}</c>).</summary>
    public static int Qwen2(ReadOnlySpan<char> s, int i) => Gpt2Family(s, i, 1);

    private static int Gpt2Family(ReadOnlySpan<char> s, int i, int digits)
    {
        if (Contraction(s, i) is var c && c > i)
        {
            return c;
        }

        var start = CharClasses.IsPrefix(s[i]) && i + 1 < s.Length && CharClasses.Is(s[i + 1], CharClasses.Letter) ? i + 1
            : CharClasses.Is(s[i], CharClasses.Letter) ? i : -1;
        if (start >= 0)
        {
            return Run(s, start, CharClasses.Letter);
        }

        return Numbers(s, i, digits) is var n and >= 0 ? n : Punctuation(s, i, slash: false) is var p and >= 0 ? p : Spaces(s, i);
    }

    /// <summary><c>U*L+</c>: the longest run of upper-side chars after which a lower-side run starts, then that run; -1 if none.</summary>
    private static int UpperThenLower(ReadOnlySpan<char> s, int j)
    {
        var k = Run(s, j, CharClasses.UpperSide);
        for (var start = k; start >= j; start--)
        {
            if (start < s.Length && CharClasses.Is(s[start], CharClasses.LowerSide))
            {
                return Run(s, start, CharClasses.LowerSide);
            }
        }

        return -1;
    }

    /// <summary><c>U+L*</c>; -1 if no upper-side char starts here.</summary>
    private static int UpperThenMaybeLower(ReadOnlySpan<char> s, int j)
    {
        var k = Run(s, j, CharClasses.UpperSide);
        return k == j ? -1 : Run(s, k, CharClasses.LowerSide);
    }

    /// <summary><c>(?i:'s|'t|'re|'ve|'m|'ll|'d)?</c> at <paramref name="e"/>: where it ends (e itself if none).</summary>
    private static int Contraction(ReadOnlySpan<char> s, int e)
    {
        if (e + 1 >= s.Length || s[e] != '\'')
        {
            return e;
        }

        var a = char.ToLowerInvariant(s[e + 1]);
        if (a is 's' or 't' or 'm' or 'd')
        {
            return e + 2;
        }

        var b = e + 2 < s.Length ? char.ToLowerInvariant(s[e + 2]) : '\0';
        return (a, b) is ('r', 'e') or ('v', 'e') or ('l', 'l') ? e + 3 : e;
    }

    private static int Numbers(ReadOnlySpan<char> s, int i, int most)
    {
        var e = i;
        while (e < s.Length && e - i < most && CharClasses.Is(s[e], CharClasses.Number))
        {
            e++;
        }

        return e > i ? e : -1;
    }

    /// <summary><c> ?[^\s\p{L}\p{N}]+[\r\n]*</c> (o200k: <c>[\r\n/]*</c>); -1 if it does not match.</summary>
    private static int Punctuation(ReadOnlySpan<char> s, int i, bool slash)
    {
        var start = s[i] == ' ' && i + 1 < s.Length && CharClasses.IsOther(s[i + 1]) ? i + 1 : CharClasses.IsOther(s[i]) ? i : -1;
        if (start < 0)
        {
            return -1;
        }

        var e = start;
        while (e < s.Length && CharClasses.IsOther(s[e]))
        {
            e++;
        }

        while (e < s.Length && (s[e] is '\r' or '\n' || (slash && s[e] == '/')))
        {
            e++;
        }

        return e;
    }

    /// <summary><c>\s*[\r\n]+|\s+(?!\S)|\s+</c> at a white-space char (every other char is matched before).</summary>
    private static int Spaces(ReadOnlySpan<char> s, int i)
    {
        var w = Run(s, i, CharClasses.Space);
        if (w == i)
        {
            return i + 1; // Not reached: every char that is not white space matched an earlier alternative.
        }

        for (var last = w - 1; last >= i; last--)
        {
            if (s[last] is '\r' or '\n')
            {
                return last + 1;
            }
        }

        return w == s.Length || w - 1 == i ? w : w - 1;
    }

    private static int Run(ReadOnlySpan<char> s, int from, byte flag)
    {
        var e = from;
        while (e < s.Length && CharClasses.Is(s[e], flag))
        {
            e++;
        }

        return e;
    }
}
