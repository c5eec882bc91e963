namespace Drp.Core.Answers;

/// <summary>Decides whether an extracted final answer equals a gold answer: exactly as numbers where both are, else as normalised text.</summary>
public static class AnswerEquivalence
{
    public static bool AreEqual(string answer, string gold)
    {
        var a = AnswerNormalizer.Normalize(answer);
        var b = AnswerNormalizer.Normalize(gold);
        if (Rational.TryParse(a, out var x) && Rational.TryParse(b, out var y))
        {
            return x == y;
        }

        if (string.Equals(a.Replace(" ", ""), b.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (SurdValue.TryParse(a, out var surdA) && SurdValue.TryParse(b, out var surdB))
        {
            return surdA == surdB;
        }

        var brackets = Brackets(a);
        if (brackets != Brackets(b))
        {
            return false;
        }

        var partsA = SplitTopLevel(a);
        var partsB = SplitTopLevel(b);
        if (partsA.Count < 2 || partsA.Count != partsB.Count)
        {
            return false;
        }

        // A set, or a bare list of solutions ("-2, 1"), in any order; a tuple or an interval in its own order.
        return brackets is "{}" or ""
            ? partsA.All(x => partsB.Any(y => AreEqual(x, y))) && partsB.All(y => partsA.Any(x => AreEqual(x, y)))
            : partsA.Zip(partsB).All(p => AreEqual(p.First, p.Second));
    }

    /// <summary>The outer brackets of a tuple, interval or set ("()", "[)", …), or "" without: (1,2) is not the list 1,2.</summary>
    private static string Brackets(string s) =>
        s.Length >= 2 && "([{".Contains(s[0]) && ")]}".Contains(s[^1]) ? $"{s[0]}{s[^1]}" : "";

    /// <summary>The comma-separated items of a tuple or list, without their outer brackets.</summary>
    private static List<string> SplitTopLevel(string s)
    {
        if (Brackets(s).Length > 0)
        {
            s = s[1..^1];
        }

        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            depth += s[i] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            if (s[i] == ',' && depth == 0)
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }
        }

        parts.Add(s[start..]);
        return parts;
    }
}
