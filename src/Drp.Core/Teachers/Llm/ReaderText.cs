using System.Text;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Text as a reader compares it: curly quotes as straight ones, dashes as hyphens, any run of white space (line
/// breaks, non-breaking spaces) as one space, markdown emphasis (<c>*</c>) left out. A model that copies a step
/// "verbatim" often changes exactly these.
/// </summary>
public static class ReaderText
{
    public static string Plain(string text) => Map(text).Text;

    /// <summary>
    /// The steps with each one's text replaced by the reasoning's own where they read the same: the student's
    /// apostrophes, line breaks and spacing come back; a step not found is left as the teacher wrote it.
    /// </summary>
    public static IReadOnlyList<Step> Restore(string reasoning, IReadOnlyList<Step> steps)
    {
        var (plain, origins) = Map(reasoning);
        var from = 0;
        var restored = new List<Step>(steps.Count);
        foreach (var step in steps)
        {
            var needle = Map(step.Text).Text.Trim();
            var at = needle.Length == 0 ? -1 : plain.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                restored.Add(step);
                continue;
            }

            var (start, end) = (origins[at], origins[at + needle.Length - 1] + 1);
            restored.Add(step with { Text = reasoning[start..end] });
            from = at + needle.Length;
        }

        return restored;
    }

    /// <summary>The plain text and, for each of its characters, where it came from in the original.</summary>
    private static (string Text, int[] Origins) Map(string text)
    {
        var plain = new StringBuilder(text.Length);
        var origins = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = Plain(text[i]);
            if (c == '\0' || (c == ' ' && (plain.Length == 0 || plain[^1] == ' ')))
            {
                continue;
            }

            plain.Append(c);
            origins.Add(i);
        }

        return (plain.ToString(), [.. origins]);
    }

    private static char Plain(char c) => c switch
    {
        '’' or '‘' or 'ʼ' or '′' => '\'',
        '“' or '”' or '″' => '"',
        '–' or '—' or '−' or '‐' => '-',
        '*' => '\0',
        _ when char.IsWhiteSpace(c) => ' ',
        _ => c,
    };
}
