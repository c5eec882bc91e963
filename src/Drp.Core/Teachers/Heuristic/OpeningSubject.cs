using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// A pruned trace that would open on a pronoun whose person was named in deleted text ("She brought 5 apples …" after
/// "First, let's look at Morisette.") names the person instead: "Morisette brought 5 apples …".
/// </summary>
internal static partial class OpeningSubject
{
    /// <param name="text">The first kept step's text.</param>
    /// <param name="question">The question, which names the people.</param>
    /// <param name="deleted">The steps before the first kept one.</param>
    public static string Named(string text, string question, IEnumerable<Step> deleted)
    {
        var pronoun = Pronoun().Match(text);
        if (!pronoun.Success)
        {
            return text;
        }

        var names = Names(question);
        // The person named last before the opening; with no mention there, the question's one person, if it has one.
        var name = deleted.Reverse().Select(step => LastName(step.Text, names)).FirstOrDefault(n => n is not null)
            ?? (names.Count == 1 ? names.First() : null);
        if (name is null)
        {
            return text;
        }

        var possessive = pronoun.Value is "His" or "Her" || pronoun.Value.EndsWith('s');
        return (possessive ? name + "'s" : name) + text[pronoun.Length..];
    }

    private static HashSet<string> Names(string question) =>
        CapitalizedWord().Matches(question).Select(m => m.Value).Where(word => !NotNames.Contains(word)).ToHashSet(StringComparer.Ordinal);

    private static string? LastName(string text, HashSet<string> names) =>
        CapitalizedWord().Matches(text).Select(m => m.Value).LastOrDefault(names.Contains);

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "There", "Then", "Their", "They", "She", "Her", "His", "Him", "Its", "And",
        "But", "For", "From", "With", "After", "Before", "When", "Where", "Which", "What", "Who", "How", "Why", "If", "Each",
        "Every", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twenty", "Half", "Some",
        "All", "Both", "Most", "Let", "Find", "Compute", "What's", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Christmas", "Halloween", "Easter", "Thanksgiving", "Express", "Give", "Round",
    };

    [GeneratedRegex(@"^(?:He's|She's|He’s|She’s|He|She|His|Her)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b[A-Z][a-z]{2,}\b")]
    private static partial Regex CapitalizedWord();
}
