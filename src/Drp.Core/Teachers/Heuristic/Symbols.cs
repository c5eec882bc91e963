using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>The one-letter symbols a text works with in its mathematics ("x² ≡ 2 mod 23", "t = x - 1"), and where one is defined.</summary>
internal static partial class Symbols
{
    /// <summary>The letters that stand next to an operator, an equals sign or a bracket: "x" in "t = x - 1", not "a" in "a number".</summary>
    public static HashSet<char> Used(string text)
    {
        var used = new HashSet<char>();
        foreach (Match match in InMathematics().Matches(text))
        {
            used.Add(match.Groups["s"].Value[0]);
        }

        return used;
    }

    /// <summary>
    /// Whether the text says what <paramref name="symbol"/> stands for: "let x = t + 1", "all x such that x² ≡ 2",
    /// "x = 5", "call it x".
    /// </summary>
    public static bool Defines(string text, char symbol)
    {
        var s = Regex.Escape(symbol.ToString());
        return Regex.IsMatch(
            text,
            $@"(?<![\p{{L}}\\]){s}(?!\p{{L}})\s*(?:=|≡|:=|such that|be\b|stands? for|denotes?|represents?)|\b(?:let|call (?:it|this|that)|denote (?:it|this|that)(?: by| as)?|set)\s+\\?\(?\s*{s}(?!\p{{L}})");
    }

    [GeneratedRegex(@"(?<![\p{L}\\])(?<s>[a-zA-Z])(?!\p{L})(?=\s*[=≡<>≤≥≠+\-*/^²³)]|\()|(?<=[=≡<>≤≥≠+\-*/^(]\s*)(?<s>[a-zA-Z])(?![\p{L}(])")]
    private static partial Regex InMathematics();
}
