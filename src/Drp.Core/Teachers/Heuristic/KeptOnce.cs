using System.Text;
using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// Says each sentence of the kept text once: a sentence already said, an equation written again (in any spelling of
/// its products), a computation worked out again in other words.
/// </summary>
internal static partial class KeptOnce
{
    /// <summary>
    /// The step without the sentences the kept text has already said (<see cref="MinRepeatLength"/> characters or
    /// more, an equation from <see cref="MinEquationRepeatLength"/>, case and spacing aside) or that only work out
    /// again what it worked out (<see cref="WorksOutAgain"/>): a re-done computation or a restated conclusion is kept
    /// once. Empty when the step only repeats.
    /// </summary>
    /// <param name="announced">Whether the kept text before ends with a colon ("Adding 2:"): what it announces is
    /// only left out when it repeats a whole sentence.</param>
    public static string Without(string text, HashSet<string> said, bool announced)
    {
        var parts = SentenceBoundary().Split(text);
        var listItem = HeuristicPruner.ListItem().IsMatch(text);
        var kept = new StringBuilder();
        var changed = false;
        for (var k = 0; k < parts.Length; k += 2)
        {
            // "9 / s = 4" and "9/s = 4" say the same.
            var plain = Spaces().Replace(parts[k].Trim().ToLowerInvariant(), " ");
            var equation = !Word().IsMatch(plain);
            var checkedForRepeat = plain.Length >= MinRepeatLength || (plain.Length >= MinEquationRepeatLength && equation && !announced);
            var repeated = checkedForRepeat && !said.Add(RepeatKey(plain));
            var workedOutAgain = WorksOutAgain(parts[k], said) && !equation && !announced && !listItem && !Labelled().IsMatch(plain);
            announced = false;
            if (repeated || workedOutAgain)
            {
                changed = true;
                continue;
            }

            kept.Append(parts[k]).Append(k + 1 < parts.Length ? parts[k + 1] : "");
        }

        return changed ? kept.ToString().Trim() : text;
    }

    /// <summary>
    /// A sentence as said, whatever the spelling of its products and moduli: "t * (t + 2) ≡ 1 mod 23." and "t(t + 2) ≡ 1
    /// (mod 23)" say the same.
    /// </summary>
    private static string RepeatKey(string plain) =>
        Modulus().Replace(Product().Replace(plain, ""), "mod$1");

    // Spaces and the signs of a product, which a product written side by side ("t(t + 2)", "2x") leaves out.
    [GeneratedRegex(@"\s+|\*|×|·|\\cdot|\\times")]
    private static partial Regex Product();

    [GeneratedRegex(@"\(mod(\d+)\)")]
    private static partial Regex Modulus();

    private const int MinRepeatLength = 20;

    /// <summary>An equation without words ("D + 2D + 0.5D = 105.") is a repeat from this length on.</summary>
    private const int MinEquationRepeatLength = 8;

    /// <summary>
    /// Whether the sentence only works out again, in other words, operations the kept text has worked out ("So 5*12=60
    /// players." after "Each team has 12 times 5, which is 60 players."); the operations it works out are added to
    /// what was said. A list item or a labelled line ("Layer 1: 1 + 3 = 4") is part of a structure and stays.
    /// </summary>
    private static bool WorksOutAgain(string sentence, HashSet<string> said)
    {
        var computations = Numbers.Computations(sentence);
        if (computations.Count == 0)
        {
            return false;
        }

        // "2 * 3 = 6 + 1 = 7, write down 7.": one-digit operations recur in long multiplication, each time for another digit.
        var again = computations.All(c => said.Contains(c.ToString())) && !computations.All(c => c.IsOnDigits)
            && Numbers.In(sentence).All(n => computations.Any(c => c.Has(n)));
        said.UnionWith(computations.Select(c => c.ToString()));
        return again;
    }

    /// <summary>The text without its last sentence when that one announces in words only ("The equation is:").</summary>
    public static string WithoutWordyAnnouncement(string text)
    {
        var parts = SentenceBoundary().Split(text.TrimEnd());
        return SkillClassifier.Computes(parts[^1]) || SkillClassifier.IsSymbolic(parts[^1]) ? text : string.Concat(parts[..^1]).Trim();
    }

    // The separators are kept (captured) so that the text is rebuilt as it was.
    [GeneratedRegex(@"((?<=[.!?])[ \t]+|\n+)")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A word of three letters or more: "D + 2D + 0.5D = 105." has none.
    [GeneratedRegex(@"[a-z]{3}", RegexOptions.IgnoreCase)]
    private static partial Regex Word();

    // "Layer 1: 1 + 3 = 4", "Next digit: 5 * 3 = 15."
    [GeneratedRegex(@"^[^:=]{1,30}:")]
    private static partial Regex Labelled();
}
