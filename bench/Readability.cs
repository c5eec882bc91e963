using System.Text.RegularExpressions;

namespace Drp.Bench;

/// <summary>
/// The bench's own checks of how a pruned trace reads (not drp's): does it open pointing at text that was deleted,
/// keep an admission that an attempt failed, or say a sentence twice.
/// </summary>
public static partial class Readability
{
    /// <summary>
    /// The first sentence leans on something before it ("That includes…", "So the total…", "I need to add those…",
    /// "Because you can't…", "…each got 1/6 of that.", "She brought …")
    /// while the original did not open with it: the text it points at was deleted.
    /// </summary>
    public static bool OpensMidThought(string pruned, string original)
    {
        var first = FirstSentence(pruned);
        return first.Length > 0 && first != FirstSentence(original)
            && (BackReference().IsMatch(first) || Demonstrative().IsMatch(first) || ClausePointsBack().IsMatch(first) || EndsPointing().IsMatch(first));
    }

    public static bool AdmitsFailure(string pruned) => Admission().IsMatch(pruned);

    /// <summary>A sentence of 20 characters or more said twice (case and spacing aside).</summary>
    public static bool RepeatsSentence(string pruned)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in SentenceBreak().Split(pruned))
        {
            var plain = Spaces().Replace(sentence.Trim().ToLowerInvariant(), " ");
            if (plain.Length >= 20 && !seen.Add(plain))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstSentence(string text) => SentenceBreak().Split(text.TrimStart(), 2)[0].Trim();

    [GeneratedRegex(@"^(?:That|This|These|Those|It|Its|It's|They|Their|Them|Such|Both|Which|Then|So|But|And|Also|Wait|However|Therefore|Thus|Hence|Now|Next|Otherwise|Since then|Because|Or|Similarly|He|She|His|Her|He's|She's|In (?:this|that) case|Like(?=,)|(?:Does|Did|Is|Was) (?:that|this|it))\b")]
    private static partial Regex BackReference();

    // "For one room, that's 2 sheets."; not "Since each room has 2 sheets, that means…" (its own clause)
    [GeneratedRegex(@"^(?!(?i:since|if|when|whenever|because|as|given|after|before|once|while|although|though)\b)[^,.!?]{1,40},\s*(?:that|this|it)(?:'s|\s+is|\s+was|\s+means|\s+gives)\b")]
    private static partial Regex ClausePointsBack();

    // "The problem says two girls each got 1/6 of that.", "She's in danger there."
    [GeneratedRegex(@"\b(?:(?:of|than|from)\s+(?:that|this)|there)\s*[.!?]$")]
    private static partial Regex EndsPointing();

    [GeneratedRegex(@"\b(?:those|these)\b(?!\s+\w+\s+(?:are|is|were)\b)")]
    private static partial Regex Demonstrative();

    [GeneratedRegex(@"\b(?:can't be (?:right|correct)|cannot be (?:right|correct)|that can't be|that's not (?:right|correct)|that is not (?:right|correct)|(?:made|make) a mistake|messed up|doesn't make sense|does not make sense|that's wrong|that is wrong|I was wrong|(?:my|the|our) (?:initial|first|original) (?:assumption|approach)\b[^.!?]*?\b(?:wrong|incorrect|flawed))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Admission();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
