using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>Single-step compression: drops the discourse filler around a step and keeps its content and wording.</summary>
internal static partial class FillerRemover
{
    public static string Compress(string text)
    {
        var compressed = WithoutFiller(text);
        if (compressed.Length < 3 || !compressed.Any(char.IsLetterOrDigit))
        {
            return text;
        }

        return char.IsLower(compressed[0]) ? char.ToUpperInvariant(compressed[0]) + compressed[1..] : compressed;
    }

    /// <summary>A step that is all filler and comment ("That makes sense.", "Okay, that seems straightforward."): nothing to keep.</summary>
    public static bool IsOnlyFiller(string text)
    {
        var compressed = WithoutFiller(text);
        return compressed.Length < 3 || !compressed.Any(char.IsLetterOrDigit);
    }

    private static string WithoutFiller(string text)
    {
        var compressed = LeadingFiller().Replace(text, "");
        compressed = Comment().Replace(compressed, "");
        compressed = InnerFiller().Replace(compressed, "");
        return DoubleSpace().Replace(compressed, " ").Trim();
    }

    /// <summary>A step that reaches the answer as a question ("…6 miles per hour?") is stated instead.</summary>
    public static string AsStatement(string text) =>
        text.EndsWith('?') ? text[..^1].TrimEnd() + "." : text;

    [GeneratedRegex(@"^(?:\W*(?:okay|ok|alright|all right|so|well|now|hmm+|wait|hold on|oh|ah|right|yes|yeah|yep|and|but|also|actually|basically|first(?: of all)?|let me see|let's see|let me think|let me (?:calculate|compute|do|write) (?:that|this)(?: out| down)?|i think|wait a second|wait a minute)(?:[,.:!]+|\s)\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"(?<=\S),?\s+(?:let me see|let's see|I think|basically|actually|just|you know|of course)(?=[\s,])|(?<=\s)(?:I think|basically|actually)\s+(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex InnerFiller();

    // A sentence that only comments on the work: "That seems straightforward.", "That makes sense.", "That's easy."
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:That|This|It)(?:'s|’s| is| was| seems| sounds| looks| makes)\s+(?:[a-z]+\s+){0,3}?(?:straightforward|easy|simple|right|correct|good|fine|clear|sense|manageable|reasonable|starting point)[^.!?\d\n]{0,30}[.!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Comment();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();
}
