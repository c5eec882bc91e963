using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// Attempts the trace gave up on, as a whole. When a step admits that the work failed ("That can't be.", "I must have
/// messed up somewhere."), the attempt is the work before it whose quantities the trace never uses again: the
/// student should learn the approach that worked, not the dead end.
/// </summary>
internal static partial class AbandonedAttempts
{
    /// <summary>Whether the text admits that the work before it failed.</summary>
    public static bool IsAdmission(ReadOnlySpan<char> text) =>
        (Admission.IsMatch(text) || (text.ContainsAny(AssumptionWords) && WrongAssumption.IsMatch(text) && !Tentative().IsMatch(text))) && !Doubt().IsMatch(text);

    /// <summary>A kept step without its sentences that admit a failure ("Hmm, that doesn't make sense. 30 minutes is 0.5 hours.").</summary>
    public static string WithoutAdmissions(string text)
    {
        if (!IsAdmission(text))
        {
            return text;
        }

        var sentences = SentenceEnd().Split(text);
        return string.Join(" ", sentences.Where(sentence => !IsAdmission(sentence))).Trim();
    }

    /// <summary>
    /// The steps of every abandoned attempt before <paramref name="answerPoint"/>: each admission with the hesitation
    /// just before it ("Wait, that's negative?") and the result it judges (unless the trace goes on with all its
    /// quantities); every earlier step whose own quantities (not the question's) the trace no longer needs after the
    /// admission, neither directly nor through a step it still needs; the steps after the admission that talk about
    /// the abandoned work; and the steps that only lead into abandoned ones (an announcement ending with a colon,
    /// words without mathematics or quantities of their own).
    /// </summary>
    public static bool[] Find(IReadOnlyList<Step> steps, IReadOnlyList<StepFacts> facts, HashSet<string> given, int answerPoint)
    {
        var abandoned = new bool[steps.Count];
        for (var admission = answerPoint - 1; admission > 0; admission--)
        {
            if (!IsAdmission(steps[admission].Text))
            {
                continue;
            }

            abandoned[admission] = true;
            var judged = admission - 1;
            while (judged > 0 && steps[judged].Skill == Skills.Reflection)
            {
                abandoned[judged--] = true;
            }

            for (var k = admission + 1; k < answerPoint; k++)
            {
                abandoned[k] |= LooksBack(steps[k].Text);
            }

            var needed = UsedBy(steps, facts, abandoned, admission + 1, answerPoint);
            var judgedOwn = Own(facts[judged], given);
            abandoned[judged] |= judgedOwn.Count == 0 || !judgedOwn.All(n => IsUsed(n, needed));
            for (var k = judged - 1; k >= 0; k--)
            {
                var own = Own(facts[k], given);
                if (own.Count == 0)
                {
                    continue;
                }

                if (!own.Any(n => IsUsed(n, needed)))
                {
                    abandoned[k] = true;
                }
                else if (IsWork(steps[k]))
                {
                    needed.UnionWith(own);
                }
            }

            AbandonWhatOnlyItsSymbolsWorkWith(steps, facts, abandoned, admission, answerPoint);
        }

        for (var j = answerPoint - 1; j >= 0; j--)
        {
            var onlyWords = !facts[j].HasMath && Own(facts[j], given).Count == 0;
            var leadsIn = steps[j].Text.TrimEnd().EndsWith(':')
                || (onlyWords && ((j > 0 && abandoned[j - 1]) || Continues().IsMatch(steps[j + 1].Text)));
            abandoned[j] |= abandoned[j + 1] && leadsIn;
        }

        return abandoned;
    }

    /// <summary>
    /// "Let x be the smallest group. … x + x + (x + 10) = 200" just before an abandoned attempt, when the work after the
    /// admission uses y instead: going back from the admission over the attempt (and steps in words only), a step whose
    /// symbols are all symbols of the abandoned work that the later work does not use belongs to the attempt.
    /// </summary>
    private static void AbandonWhatOnlyItsSymbolsWorkWith(IReadOnlyList<Step> steps, IReadOnlyList<StepFacts> facts, bool[] abandoned, int admission, int answerPoint)
    {
        var (failed, later) = (new HashSet<char>(), new HashSet<char>());
        for (var k = 0; k <= answerPoint; k++)
        {
            if (k < admission && abandoned[k])
            {
                failed.UnionWith(Symbols.Used(steps[k].Text));
            }
            else if (k > admission && !abandoned[k] && IsWork(steps[k]))
            {
                later.UnionWith(Symbols.Used(steps[k].Text));
            }
        }

        failed.ExceptWith(later);
        for (var k = admission - 1; k >= 0 && failed.Count > 0; k--)
        {
            if (abandoned[k])
            {
                continue;
            }

            var symbols = Symbols.Used(steps[k].Text);
            symbols.UnionWith(Symbols.Defined(steps[k].Text));
            if (symbols.Count > 0 && symbols.IsSubsetOf(failed))
            {
                abandoned[k] = true;
            }
            else if (symbols.Count > 0 || facts[k].HasMath)
            {
                return;
            }
        }
    }

    /// <summary>The quantities of a step that the question did not give and that say where they came from.</summary>
    private static List<string> Own(StepFacts facts, HashSet<string> given) =>
        facts.Numbers.Where(n => !given.Contains(n) && !Numbers.IsCommon(n)).ToList();

    /// <summary>Whether the later work uses the quantity, as it is or to fewer decimals.</summary>
    private static bool IsUsed(string number, HashSet<string> used) => used.Contains(number) || Numbers.Shortened(number).Any(used.Contains);

    private static bool IsWork(Step step) => step.Skill is not (Skills.Reflection or Skills.Verification);

    /// <summary>
    /// "That's better because earlier, when I got s = 1.75, it led to a negative t.": a step after the admission that
    /// talks about the abandoned work.
    /// </summary>
    private static bool LooksBack(string text) => Earlier().IsMatch(text) && PastWork().IsMatch(text);

    /// <summary>
    /// The quantities of the working steps from <paramref name="first"/> to <paramref name="last"/> (hesitation,
    /// checks and looks back aside).
    /// </summary>
    private static HashSet<string> UsedBy(IReadOnlyList<Step> steps, IReadOnlyList<StepFacts> facts, bool[] abandoned, int first, int last)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var k = first; k <= last; k++)
        {
            if (IsWork(steps[k]) && !abandoned[k])
            {
                used.UnionWith(facts[k].Numbers);
            }
        }

        return used;
    }

    // "…to make sure I didn't make a mistake", "Did I make a mistake?", "If that's wrong, …": a doubt, not an admission.
    [GeneratedRegex(@"\b(?:make sure|whether|in case)\b|\b(?:didn't|did not|haven't|have not|don't|do not|never) (?:make|made|mess|messed)\b(?! sense)|^\W*(?:if|unless)\b|\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Doubt();

    // "Maybe my approach is wrong.": a thought about trying another way, not a judgement of the work before.
    [GeneratedRegex(@"\b(?:maybe|perhaps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tentative();

    [GeneratedRegex(@"\b(?:earlier|initially|previously|at first|originally|the first time)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Earlier();

    [GeneratedRegex(@"\b(?:I|we) (?:got|had|thought|found|used|assumed|calculated|computed|wrote|took)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastWork();

    [GeneratedRegex(@"(?<=[.!?])[ \t]+")]
    private static partial Regex SentenceEnd();

    // "That gives me 15 hours.": the step goes on from the one before.
    [GeneratedRegex(@"^\W*(?:That|This|Which|So|Then)\b")]
    private static partial Regex Continues();


    // "That can't be right.", "I must have messed up somewhere.", "That's not possible."
    private static readonly Regex Admission = Phrases.Compile(
        $@"\b(?:(?:that|this|it|which) (?:{Phrases.Alternation("attempt.cannot")}) be(?: (?:{Phrases.Alternation("attempt.truth")}))?"
        + $@"|{Phrases.Alternation("attempt.admission")}|(?:that|this|it)(?:'s| is| was) (?:{Phrases.Alternation("attempt.wrongness")}))\b");

    // "This indicates that my initial assumption about the two equal groups might be incorrect." Interpreted: .NET
    // 10.0's compiled form of a lazy loop like this one can loop without end (see FillerRemover's comment pattern).
    private static readonly Regex WrongAssumption = new(
        $@"\b(?:my|the|our) (?:initial|first|original) (?:{Phrases.Alternation("attempt.assumption")})\b(?:\s+[\w']+){{0,10}}?"
        + @"\s+(?:is|was|might be|must be|may be|seems to be|could be) (?:wrong|incorrect|flawed|mistaken)\b", RegexOptions.IgnoreCase);

    /// <summary>What <see cref="WrongAssumption"/> needs: a text without any of these has none.</summary>
    private static readonly System.Buffers.SearchValues<string> AssumptionWords =
        System.Buffers.SearchValues.Create(["initial", "first", "original"], StringComparison.OrdinalIgnoreCase);
}
