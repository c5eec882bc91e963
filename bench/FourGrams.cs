using System.Text.RegularExpressions;

namespace Drp.Bench;

/// <summary>
/// How much of a pruned text is the student's own wording: the share of its word 4-grams found in the original.
/// Grams are taken within sentences and lines: deleting a sentence joins its neighbours, which is no change of style.
/// </summary>
public static partial class FourGrams
{
    public static (long Total, long Own) Overlap(string pruned, string original)
    {
        var known = new HashSet<string>(Grams(original), StringComparer.Ordinal);
        var (total, own) = (0L, 0L);
        foreach (var gram in Grams(pruned))
        {
            total++;
            own += known.Contains(gram) ? 1 : 0;
        }

        return (total, own);
    }

    private static IEnumerable<string> Grams(string text)
    {
        foreach (var sentence in SentenceEnd().Split(text))
        {
            var words = Word().Matches(sentence).Select(m => m.Value.ToLowerInvariant()).ToList();
            for (var i = 0; i + 4 <= words.Count; i++)
            {
                yield return string.Join(' ', words.Skip(i).Take(4));
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
