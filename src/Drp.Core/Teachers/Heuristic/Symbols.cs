using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>The one-letter symbols a text works with in its mathematics ("x² ≡ 2 mod 23", "t = x - 1"), and those it defines.</summary>
internal static partial class Symbols
{
    /// <summary>
    /// The letters that stand next to an operator, an equals sign, a bracket or a coefficient: "x" in "t = x - 1", "B"
    /// in "= 2B", not "a" in "a number".
    /// </summary>
    public static HashSet<char> Used(string text) => Letters(InMathematics(), text);

    /// <summary>
    /// The letters the text says what they stand for: "let x = t + 1", "all x such that x² ≡ 2", "x = 5", "Let's say
    /// that Brooke's current age is B years", "I can call the number in each group 'x'".
    /// </summary>
    public static HashSet<char> Defined(string text) => Letters(Definition(), text);

    private static HashSet<char> Letters(Regex pattern, string text)
    {
        var letters = new HashSet<char>();
        foreach (Match match in pattern.Matches(text))
        {
            letters.Add(match.Groups["s"].Value[0]);
        }

        return letters;
    }

    [GeneratedRegex(@"(?<![\p{L}\\])(?<s>[a-zA-Z])(?!\p{L})(?=\s*[=≡<>≤≥≠+\-*/^²³)]|\()|(?<=[=≡<>≤≥≠+\-*/^(]\s*|\d)(?<s>[a-zA-Z])(?![\p{L}(])")]
    private static partial Regex InMathematics();

    /// <summary>"x = …", "n such that", "s stands for": a letter, then what defines it.</summary>
    private const string LetterDefined = @"(?<![\p{L}\\])(?<s>[a-zA-Z])(?!\p{L})\s*(?:=|≡|:=|such that|be\b|stands? for|denotes?|represents?)";

    /// <summary>"Let x", "call it n", "denote this by s", "set k".</summary>
    private const string LetLetter = @"\b(?:let(?:'s)?|call (?:it|this|that)|denote (?:it|this|that)(?: by| as)?|set)\s+\\?\(?\s*(?<s>[a-zA-Z])(?!\p{L})";

    /// <summary>"Let the number of camels be C", "denote the width by w": a name, then the letter.</summary>
    private const string NamedThenLetter =
        @"\b(?:let(?:'s)?|say|call|denote|represent)\b[^.;\n]{0,60}?\b(?:is|as|be|by)\s+['""‘’“”\\(]*(?<s>(?![aAI]\b)[a-zA-Z])(?!\p{L})";

    [GeneratedRegex(LetterDefined + "|" + LetLetter + "|" + NamedThenLetter, RegexOptions.IgnoreCase)]
    private static partial Regex Definition();
}
