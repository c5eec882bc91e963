using System.Text;
using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// Prunes skill-labelled steps with the four actions of the DRP method, reusing the student's own sentences:
/// everything after the point where the trace first reaches its final answer and starts to doubt it is deleted
/// (re-verification); before it, abandoned attempts (see <see cref="AbandonedAttempts"/>), hesitation, re-checks,
/// restatements and plans are deleted, kept steps lose their filler, and short computations from separate paragraphs
/// are merged into one line where the first ends with punctuation. A deleted step is brought back when a kept step
/// uses a quantity that only it had computed. The trace ends "The answer is …", once: an answer statement the kept
/// text ended with gives way to it.
/// </summary>
internal static partial class HeuristicPruner
{
    /// <param name="read">What the decomposition read off each step, where it did (see <see cref="StepFacts.Of"/>).</param>
    /// <param name="explain">Whether each action says which rule decided it and what it saw (<see cref="StepAction.Why"/>).</param>
    public static (string Reasoning, IReadOnlyList<StepAction> Actions) Prune(
        string reasoning, string question, IReadOnlyList<Step> steps, string answer, IReadOnlyList<TextFacts?>? read = null, bool explain = false)
    {
        var answerPoint = AnswerPoint(steps, answer);
        // Only steps up to the answer point can be kept, and only they are looked at to decide which.
        var facts = StepFacts.Of(question, steps.Take(answerPoint + 1).ToList(), read);
        var given = new HashSet<string>(Numbers.In(question), StringComparer.Ordinal);
        var abandoned = AbandonedAttempts.Find(steps, facts, given, answerPoint);
        var keep = new bool[steps.Count];
        var why = explain ? new StepReasons(steps) : null;
        for (var i = 0; i <= answerPoint; i++)
        {
            var (needed, rule, evidence) = i == answerPoint ? AnswerReached : abandoned[i] ? Abandoned : Need(steps[i], facts[i]);
            if (needed && i != answerPoint && FillerRemover.IsOnlyFiller(steps[i].Text))
            {
                (needed, rule, evidence) = OnlyFiller;
            }

            keep[i] = needed;
            why?.Decide(i, rule, evidence);
        }

        for (var i = answerPoint + 1; why is not null && i < steps.Count; i++)
        {
            why.Decide(i, "answer.checked-after", $"after step {steps[answerPoint].N}, where the trace first states its final answer and turns to checking it");
        }

        KeepWhatIsAnnounced(steps, keep, abandoned, answerPoint, why);
        RestoreDefinitions(steps, keep, abandoned, question, facts.Count, why);
        RestoreSources(steps, facts, keep, given, why);
        // What makes the trace read better is kept as long as the trace stays shorter than the original.
        var readable = (bool[])keep.Clone();
        var readableWhy = why?.Copy();
        KeepStatedResults(steps, facts, readable, abandoned, answerPoint, given, readableWhy);
        KeepAnnouncements(steps, facts, readable, abandoned, readableWhy);
        KeepLabelsInUse(steps, readable, abandoned, answerPoint, readableWhy);
        KeepWhatTheOpeningPointsAt(steps, readable, abandoned, readableWhy);
        var pruned = Build(reasoning, question, steps, readable, answerPoint, answer, readableWhy);
        if (pruned.Reasoning.Length >= reasoning.Length && !readable.SequenceEqual(keep))
        {
            (readable, readableWhy, pruned) = (keep, why, Build(reasoning, question, steps, keep, answerPoint, answer, why));
        }

        // Then, on the same terms, what the kept computations point back at.
        var connected = (bool[])readable.Clone();
        var connectedWhy = readableWhy?.Copy();
        KeepWhatComputationsPointAt(steps, connected, abandoned, facts.Count, connectedWhy);
        var withSources = connected.SequenceEqual(readable) ? pruned : Build(reasoning, question, steps, connected, answerPoint, answer, connectedWhy);
        return withSources.Reasoning.Length < reasoning.Length ? withSources : pruned;
    }

    private static (string Reasoning, IReadOnlyList<StepAction> Actions) Build(
        string reasoning, string question, IReadOnlyList<Step> steps, bool[] keep, int answerPoint, string answer, StepReasons? decided)
    {
        var why = decided?.Copy();
        var first = Array.IndexOf(keep, true);
        var said = new HashSet<string>(StringComparer.Ordinal);
        var texts = new string[steps.Count];
        var actions = new string[steps.Count];
        var announcer = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            var text = steps[i].Text;
            if (keep[i])
            {
                var withoutAdmissions = AbandonedAttempts.WithoutAdmissions(text);
                why?.Changed(i, "attempt.admission", text, withoutAdmissions);
                text = FillerRemover.Compress(withoutAdmissions);
                why?.Changed(i, "filler.trimmed", withoutAdmissions, text);
            }

            if (i == first && i > 0)
            {
                var opened = OpeningSubject.Named(WithoutLeadingConnective(text), question, steps.Take(i));
                why?.Changed(i, "opening.reworded", text, opened);
                text = opened;
            }

            if (keep[i] && i != answerPoint)
            {
                var once = KeptOnce.Without(text, said, announced: announcer >= 0);
                why?.Changed(i, "repeat.said-before", text, once);
                text = once;
            }

            texts[i] = i == answerPoint ? FillerRemover.AsStatement(text) : text;
            why?.Changed(i, "answer.as-statement", text, texts[i]);
            // A step kept for what it announces or points at is still deleted when it is only filler ("Let me write that down:").
            var onlyFiller = keep[i] && i != answerPoint && text.Length > 0 && FillerRemover.IsOnlyFiller(text);
            var empty = text.Length == 0 || onlyFiller;
            actions[i] = !keep[i] || empty ? StepActions.Delete : texts[i] == steps[i].Text ? StepActions.Keep : StepActions.Compress;
            if (keep[i] && empty)
            {
                why?.Emptied(i, onlyFiller ? "filler.only" : null);
            }

            if (keep[i] && text.Length == 0 && announcer >= 0)
            {
                // "The equation is:" announced a line said before, which went: the announcement goes too.
                var before = texts[announcer];
                texts[announcer] = KeptOnce.WithoutWordyAnnouncement(before);
                why?.Changed(announcer, "announcement.of-repeat", before, texts[announcer]);
                actions[announcer] = texts[announcer].Length == 0 ? StepActions.Delete : StepActions.Compress;
                if (texts[announcer].Length == 0)
                {
                    why?.Emptied(announcer, null);
                }
            }

            announcer = actions[i] == StepActions.Delete ? announcer : text.TrimEnd().EndsWith(':') ? i : -1;
        }

        return Assemble(reasoning, steps, texts, actions, answer, why);
    }

    /// <summary>
    /// The step where the trace first states its final answer as a result and then turns to doubting or checking
    /// it (or ends). Without one, the last step: nothing is cut from the end.
    /// </summary>
    private static int AnswerPoint(IReadOnlyList<Step> steps, string answer)
    {
        var answerNumber = AnswerNumber(answer);
        for (var i = 0; i < steps.Count; i++)
        {
            if (!StatesAsResult(steps[i].Text, answer, answerNumber))
            {
                continue;
            }

            var following = steps.Skip(i + 1).Take(2).ToList();
            if (following.Count == 0 || steps[i].Skill == Skills.ClarifyAnswer
                || following.Any(s => s.Skill is Skills.Verification or Skills.Reflection or Skills.ClarifyAnswer || RecheckOpening().IsMatch(s.Text)))
            {
                return i;
            }
        }

        // No step states it as a result and doubts it after: the last step that has the answer, so it is kept.
        for (var i = steps.Count - 1; i > 0; i--)
        {
            if (AnswerReach.Reaches(steps[i].Text, answer))
            {
                return i;
            }
        }

        return steps.Count - 1;
    }

    private static string? AnswerNumber(string answer)
    {
        var normalized = AnswerNormalizer.Normalize(answer);
        return Rational.TryParse(normalized, out _) && NumberOnly().IsMatch(normalized) ? Numbers.Canonical(normalized.TrimStart('+')) : null;
    }

    private static bool StatesAsResult(string text, string answer, string? answerNumber)
    {
        if (answerNumber is null)
        {
            // "1/4" for \dfrac{1}{4}: the value, written with the answer's own numbers ("160/420" is not yet 8/21).
            return text.Contains(answer, StringComparison.Ordinal)
                || (AnswerReach.Reaches(text, answer) && Numbers.In(AnswerNormalizer.Normalize(answer)).All(Numbers.In(text).Contains));
        }

        foreach (var match in NumberWithPrefix().EnumerateMatches(text))
        {
            var found = text.AsSpan(match.Index, match.Length);
            var value = found[0] == '-' ? "-" + Numbers.Canonical(found[1..]) : Numbers.Canonical(found);
            var end = match.Index + match.Length;
            var before = Math.Max(0, match.Index - 30);
            if (value == answerNumber
                && ResultMarker().IsMatch(text.AsSpan(before, match.Index - before))
                && !OperandFollows().IsMatch(text.AsSpan(end, Math.Min(text.Length, end + 30) - end)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (bool, string, string) AnswerReached = (true, "answer.reached", "the step where the trace first states its final answer as a result");

    private static readonly (bool, string, string) Abandoned = (false, "attempt.abandoned", "an attempt the trace gives up on or does not use");

    private static readonly (bool, string, string) OnlyFiller = (false, "filler.only", "nothing but filler");

    /// <summary>Whether a step before the answer point is needed by its skill and what it holds, with the rule that says so.</summary>
    private static (bool Needed, string Rule, string Evidence) Need(Step step, StepFacts facts) => step.Skill switch
    {
        _ when facts.QuotesQuestion && !facts.IntroducesNumber => (false, "question.quoted", "repeats the question's words and brings no number of its own"),
        _ when facts.ReadsFigure => (true, "figure.read", "reads a value off a figure or table"),
        Skills.Verification or Skills.ClarifyAnswer or Skills.RestatingQuestion or Skills.Planning or Skills.ReadingQuantity =>
            (false, "skill.not-needed", step.Skill),
        Skills.Reflection => facts.IntroducesNumber || (facts.HasMath && facts.StatesResult && !SkillClassifier.Doubts(step.Text))
            ? (true, "reflection.works-out", "a reflection that brings a number or states a result it works out")
            : (false, "reflection.no-result", "a reflection that works nothing out"),
        Skills.LogicalInference => facts.IntroducesNumber || facts.HasMath || facts.StatesResult || !facts.Restates
            ? (true, "inference.adds", "an inference that brings something new")
            : (false, "inference.restates", "an inference that restates what was said"),
        _ => (true, "skill.needed", step.Skill),
    };

    /// <summary>A kept step that ends with a colon ("I can use the formula:") keeps what it announces.</summary>
    private static void KeepWhatIsAnnounced(IReadOnlyList<Step> steps, bool[] keep, bool[] abandoned, int answerPoint, StepReasons? why)
    {
        for (var i = 0; i < answerPoint; i++)
        {
            if (keep[i] && !abandoned[i + 1] && EndsWithColon(steps[i]))
            {
                keep[i + 1] = true;
                why?.Decide(i + 1, "keep.announced", $"step {steps[i].N} announces it with a colon");
            }
        }
    }

    /// <summary>
    /// A sentence that reads like a quantity of the question but states a result the trace found ("So, the number of
    /// arrangements where the green plates are adjacent is 168.") is kept, once for each result: it says what the
    /// computation before it was for.
    /// </summary>
    private static void KeepStatedResults(
        IReadOnlyList<Step> steps, IReadOnlyList<StepFacts> facts, bool[] keep, bool[] abandoned, int answerPoint, HashSet<string> given, StepReasons? why)
    {
        var stated = new HashSet<string>(given, StringComparer.Ordinal);
        for (var i = 0; i < answerPoint; i++)
        {
            if (steps[i].Skill == Skills.ReadingQuantity && facts[i].StatesResult && !abandoned[i] && !keep[i])
            {
                if (facts[i].Numbers.Any(n => !Numbers.IsTrivial(n) && !stated.Contains(n)))
                {
                    keep[i] = true;
                    why?.Decide(i, "keep.stated-result", "says what a result found before it stands for");
                }

                stated.UnionWith(facts[i].Numbers);
            }
        }
    }

    /// <summary>
    /// A step that announces the computation after it and ends with a colon ("First, subtract equation (1) from
    /// equation (2):") is kept with it: the computation reads as a step of the method, not as an equation out of nowhere.
    /// </summary>
    private static void KeepAnnouncements(IReadOnlyList<Step> steps, IReadOnlyList<StepFacts> facts, bool[] keep, bool[] abandoned, StepReasons? why)
    {
        for (var i = facts.Count - 2; i >= 0; i--)
        {
            if (!keep[i] && keep[i + 1] && (facts[i + 1].HasMath || EndsWithColon(steps[i + 1])) && (EndsWithColon(steps[i]) || NamesExpression(steps[i]))
                && !abandoned[i] && steps[i].Skill is not (Skills.Reflection or Skills.Verification))
            {
                keep[i] = true;
                why?.Decide(i, "keep.announcement", $"announces the computation of step {steps[i + 1].N}");
            }
        }
    }

    /// <summary>
    /// The pruned trace opens where a reader can follow it: when its first kept step points back at deleted text
    /// ("That includes both walking and …", "I need to add those …", "Celine uses 90 liters of this water"), the step
    /// it points at is kept too (up to <see cref="MaxOpeningSteps"/> of them).
    /// </summary>
    private static void KeepWhatTheOpeningPointsAt(IReadOnlyList<Step> steps, bool[] keep, bool[] abandoned, StepReasons? why)
    {
        for (var added = 0; added < MaxOpeningSteps; added++)
        {
            var first = Array.IndexOf(keep, true);
            if (first <= 0 || !(PointsBack(steps[first]) || NamesSomethingBefore(steps[first])))
            {
                return;
            }

            var target = PointedAt(steps, first);
            if (abandoned[target])
            {
                return;
            }

            keep[target] = true;

            why?.Decide(target, "opening.points-back", $"the first kept step, {steps[first].N}, points back at it");
        }
    }

    private const int MaxOpeningSteps = 3;

    /// <summary>
    /// Inside the trace too: a kept step that points back at the step before it ("This gives a total payment of
    /// $1980." after "…by multiplying the monthly payment of $165 by 12 months.") keeps that step when it was deleted,
    /// unless it doubts or re-checks.
    /// </summary>
    private static void KeepWhatComputationsPointAt(IReadOnlyList<Step> steps, bool[] keep, bool[] abandoned, int considered, StepReasons? why)
    {
        for (var i = considered - 1; i > 0; i--)
        {
            if (!keep[i] || !PointsBack(steps[i]))
            {
                continue;
            }

            var target = PointedAt(steps, i);
            if (!keep[target] && !abandoned[target] && steps[target].Skill is not (Skills.Reflection or Skills.Verification))
            {
                keep[target] = true;
                why?.Decide(target, "keep.pointed-at", $"kept step {steps[i].N} points back at it");
            }
        }
    }

    /// <summary>What a step that points back points at: the nearest step before it that is not only filler ("So, that makes sense.").</summary>
    private static int PointedAt(IReadOnlyList<Step> steps, int step)
    {
        var target = step - 1;
        while (target > 0 && FillerRemover.IsOnlyFiller(steps[target].Text))
        {
            target--;
        }

        return target;
    }

    /// <summary>
    /// "Let's call this equation (1)." is kept when a kept step after it uses the label ("subtract equation (1) from
    /// …"): a reference to a label the reader never saw does not read.
    /// </summary>
    private static void KeepLabelsInUse(IReadOnlyList<Step> steps, bool[] keep, bool[] abandoned, int answerPoint, StepReasons? why)
    {
        for (var i = 0; i < answerPoint; i++)
        {
            if (keep[i] || abandoned[i] || EquationLabel().Match(steps[i].Text) is not { Success: true } label)
            {
                continue;
            }

            var name = label.Groups["n"].Value;
            if (Enumerable.Range(i + 1, answerPoint - i).Any(k => keep[k] && EquationLabel().Matches(steps[k].Text).Any(m => m.Groups["n"].Value == name)))
            {
                keep[i] = true;
                why?.Decide(i, "keep.label-in-use", $"names equation ({name}), which a kept step after it uses");
            }
        }
    }

    private static bool EndsWithColon(Step step) => step.Text.TrimEnd().EndsWith(':');

    /// <summary>"Let's compute ln(1.005) first.": a plan that names the expression the next step works out.</summary>
    private static bool NamesExpression(Step step) => step.Skill == Skills.Planning && PlannedExpression().IsMatch(step.Text);

    /// <summary>
    /// Whether the step's first sentence, as it would be kept, points back at what came before ("That's …", "For one
    /// room, that's 2 sheets.", "2. But he baked 15 more…" after item 1).
    /// </summary>
    private static bool PointsBack(Step step)
    {
        var sentence = FirstSentenceAsKept(step);
        return BackReference().IsMatch(sentence) || Demonstrative().IsMatch(sentence) || ClausePointsBack().IsMatch(sentence)
            || LaterListItem().IsMatch(sentence);
    }

    /// <summary>
    /// Whether the step's first sentence names a thing of the text before it: "Celine uses 90 liters of this water",
    /// "Subtracting this from the initial amount", "she collects three times that number", "he did this every day".
    /// </summary>
    private static bool NamesSomethingBefore(Step step) => ThingBefore().IsMatch(FirstSentenceAsKept(step));

    private static string FirstSentenceAsKept(Step step) =>
        FirstSentence().Match(WithoutLeadingConnective(FillerRemover.Compress(step.Text)).TrimStart()).Value;

    /// <summary>"So, the total is 168." opens a trace as "The total is 168.": the word that tied it to deleted text goes.</summary>
    private static string WithoutLeadingConnective(string text)
    {
        var connective = LeadingConnective().Match(text);
        if (!connective.Success || connective.Length >= text.Length)
        {
            return text;
        }

        return FillerRemover.Capitalized(text[connective.Length..]);
    }

    /// <summary>
    /// Brings back the latest deleted step that computed a quantity a kept step uses and does not work out itself,
    /// until none is missing.
    /// </summary>
    private static void RestoreSources(IReadOnlyList<Step> steps, IReadOnlyList<StepFacts> facts, bool[] keep, HashSet<string> given, StepReasons? why)
    {
        bool restored;
        do
        {
            restored = false;
            var available = new HashSet<string>(given, StringComparer.Ordinal);
            for (var k = 0; k < facts.Count; k++)
            {
                if (!keep[k])
                {
                    continue;
                }

                var computed = Numbers.ComputedIn(steps[k].Text);
                foreach (var number in facts[k].Numbers)
                {
                    if (Numbers.IsTrivial(number) || available.Contains(number) || computed.Contains(number))
                    {
                        continue;
                    }

                    // A small number (up to 12, 100, 1000) is too common to say where it came from; a unit constant (24, 60,
                    // 360…) comes back only from the step that works it out ("28 - 4 = 24"), as the faithfulness check reads it.
                    if (Numbers.IsSmall(number))
                    {
                        continue;
                    }

                    var common = Numbers.IsCommon(number);
                    for (var j = k - 1; j >= 0; j--)
                    {
                        if (!keep[j] && (common ? Numbers.ComputedIn(steps[j].Text).Contains(number) : facts[j].Numbers.Contains(number)))
                        {
                            keep[j] = true;
                            why?.Decide(j, "restore.source", $"kept step {steps[k].N} uses {number}, which only this step had");
                            restored = true;
                            break;
                        }
                    }
                }

                available.UnionWith(facts[k].Numbers);
            }
        }
        while (restored);
    }

    /// <summary>
    /// Brings back the latest deleted step that says what a symbol stands for ("I need all x such that x² ≡ 2 mod
    /// 23.") when a kept step works with the symbol and neither the question nor the kept text before it had it.
    /// </summary>
    private static void RestoreDefinitions(IReadOnlyList<Step> steps, bool[] keep, bool[] abandoned, string question, int considered, StepReasons? why)
    {
        var available = Symbols.Used(question);
        for (var k = 0; k < considered; k++)
        {
            if (!keep[k])
            {
                continue;
            }

            var used = Symbols.Used(steps[k].Text);
            foreach (var symbol in used.Except(available).Except(Symbols.Defined(steps[k].Text)))
            {
                for (var j = k - 1; j >= 0; j--)
                {
                    if (!keep[j] && !abandoned[j] && steps[j].Skill != Skills.Verification && Symbols.Defined(steps[j].Text).Contains(symbol)
                        && !AbandonedAttempts.IsAdmission(steps[j].Text))
                    {
                        keep[j] = true;
                        why?.Decide(j, "restore.definition", $"kept step {steps[k].N} works with {symbol}, which this step defines");
                        available.UnionWith(Symbols.Used(steps[j].Text));
                        break;
                    }
                }
            }

            available.UnionWith(used);
        }
    }

    private static (string, IReadOnlyList<StepAction>) Assemble(
        string reasoning, IReadOnlyList<Step> steps, string[] texts, string[] actions, string answer, StepReasons? why)
    {
        var spans = StepLocator.Locate(reasoning, steps);
        var builder = new StringBuilder();
        var result = new List<StepAction>();
        var group = new List<int>();
        var previous = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            if (actions[i] == StepActions.Delete)
            {
                result.Add(new StepAction([steps[i].N], StepActions.Delete) { Why = why?.Of([i]) });
                continue;
            }

            var separator = previous < 0 ? "" : StepLocator.Separator(reasoning, spans[previous], spans[i]);
            // Two lines are written as one only where the first ends with punctuation: "3755 + 15n ≤ 5000 5000 - 3755"
            // would run two equations together.
            var merge = previous >= 0 && separator.Contains('\n') && EndsWithPunctuation(texts[previous])
                && IsShortComputation(steps[previous], texts[previous]) && IsShortComputation(steps[i], texts[i]);
            if (!merge)
            {
                AddGroup(steps, actions, group, result, why);
            }

            group.Add(i);
            builder.Append(merge ? " " : separator).Append(texts[i]);
            previous = i;
        }

        AddGroup(steps, actions, group, result, why);
        result.Sort((a, b) => a.Steps[0].CompareTo(b.Steps[0]));
        // The closing sentence is written once: an answer statement the kept text ends with gives way to it or, where
        // it is what reaches the answer, loses its box and stays as the result it states.
        var pruned = builder.ToString().TrimEnd();
        var withoutStatements = Conclusion.WithoutTrailingAnswerStatements(pruned);
        if (withoutStatements != pruned)
        {
            pruned = AnswerReach.Reaches(withoutStatements, answer) ? withoutStatements : Conclusion.WithLastParagraphUnboxed(pruned);
        }

        return (pruned + (pruned.Length == 0 ? "" : "\n\n") + AnswerSentence.For(answer), result);
    }

    /// <summary>One kept step is kept or compressed; several written as one line are merged.</summary>
    private static void AddGroup(IReadOnlyList<Step> steps, string[] actions, List<int> group, List<StepAction> result, StepReasons? why)
    {
        if (group.Count > 0)
        {
            result.Add(group.Count == 1
                ? new StepAction([steps[group[0]].N], actions[group[0]]) { Why = why?.Of(group) }
                : new StepAction([.. group.Select(i => steps[i].N)], StepActions.Merge) { Why = why?.Of(group) });
            group.Clear();
        }
    }

    private static bool EndsWithPunctuation(string text) => text.Length > 0 && ".!?;:,".Contains(text[^1]);

    private static bool IsShortComputation(Step step, string text) =>
        step.Skill is Skills.Arithmetic or Skills.UnitConversion && text.Length <= 100 && !text.Contains('\n') && !ListItem().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:[2-9]|\d{2})[.)](?:\s|$)")]
    private static partial Regex LaterListItem();

    // "2. Both pick odd numbers: …" and "- Towels per room: 2 * 4 = 8" stay on a line of their own.
    [GeneratedRegex(@"^\s*(?:(?:\d{1,2}|[A-Za-z])[.)]|[-*•])\s")]
    internal static partial Regex ListItem();

    // "equation (1)", "Equation 2", "eq. 3"; not "the equation 3x + 2y = 12"
    [GeneratedRegex(@"\b(?:[Ee]quation|[Ee]q\.)\s*\(?(?<n>\d{1,2})(?![\w^])\)?")]
    private static partial Regex EquationLabel();

    [GeneratedRegex(@"\b(?:compute|calculate|evaluate|simplify|expand|find|solve)\b[^.?!\n]*?(?:\\\(|\$|\\[a-z]+|\b(?:ln|log|sin|cos|tan|sqrt|exp)\b|\w\(|\^|\([a-z]\s*[-+*/])", RegexOptions.IgnoreCase)]
    private static partial Regex PlannedExpression();

    [GeneratedRegex(@"^[^\n]*?(?:[.!?](?=\s|$)|$)", RegexOptions.Multiline)]
    private static partial Regex FirstSentence();

    [GeneratedRegex(@"^(?:That|This|These|Those|It|Its|It's|They|Their|Them|Such|Both|Which|Because|(?:Does|Did|Is|Was) (?:that|this|it))\b")]
    private static partial Regex BackReference();

    [GeneratedRegex(@"\b(?:those|these)\b(?!\s+(?:with|that|who|which|of|in|at|for|from|where)\b)")]
    private static partial Regex Demonstrative();

    // "15 (pineapple) + 9": the number is an operand, not a result.
    [GeneratedRegex(@"^\s*(?:\([^)]*\)\s*)?(?:[-+*/×÷^]|\\times|\\cdot|plus\b|minus\b|times\b|divided\b|multiplied\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OperandFollows();

    [GeneratedRegex(@"^[+-]?\d+(?:\.\d+)?$")]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"-?(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)")]
    private static partial Regex NumberWithPrefix();

    /// <summary>What states a result before it: "=", "≈", "\boxed{", "is", "gives", "equal to", "…'s" ("4 out of" is not).</summary>
    private const string ResultWord =
        @"(?:=|≈|\\approx|\\boxed\{|\b(?:is|are|be|was|were|get|gets|got|gives|give|equals|equal to|makes|total|totals|need|needs|(?<!\bout\s)of)\b|(?<=\w)['’]s)";

    [GeneratedRegex(ResultWord + @"\s*(?:\$|\\\$|\\\(|\\\[|about|approximately|exactly|only|just|:|\*\*)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ResultMarker();

    /// <summary>
    /// Whether a step names a thing of the text before it: "this water" ("that number"), "did this", "Subtracting this
    /// from …", "… of that.", "for that reason", "… there." ("those with 8 crayons" points ahead: see Demonstrative).
    /// </summary>
    private static readonly Regex ThingBeforePattern = Phrases.Compile(
        $@"\b(?:this|that)\s+(?:{Phrases.Alternation("opening.thing-noun")})\b|\b(?:did|do|does|doing)\s+(?:this|that)\b"
        + $@"|^(?:{Phrases.Alternation("opening.operation")})\s+(?:this|that|it|them|these|those)\b"
        + @"|\b(?:of|than|from)\s+(?:that|this)\s*[.!?]|\bfor (?:that|this) reason\b|\bthere\s*[.!?]$", RegexOptions.None);

    private static Regex ThingBefore() => ThingBeforePattern;

    // "For one room, that's 2 sheets.": a short opening phrase, then a pointer ("Since each room has 2 sheets, that
    // means…" points at its own clause).
    private static readonly Regex ClausePointsBackPattern = Phrases.Compile(
        $@"^(?!(?i:{Phrases.Alternation("opening.subordinator")})\b)[^,.!?]{{1,40}},\s*(?:that|this|it)(?:'s|\s+(?:{Phrases.Alternation("opening.pointer-verb")}))\b",
        RegexOptions.None);

    private static Regex ClausePointsBack() => ClausePointsBackPattern;

    /// <summary>The connectives of <c>opening.connective</c> that need a look at what follows them: "So far, …" and "Now that …" keep their first word.</summary>
    private const string ConnectivesInContext = @"So(?!\s+(?:far|much|many)\b)|Now(?!\s+that\s)|In (?:this|that) case|Like(?=,)";

    private static readonly Regex LeadingConnectivePattern = Phrases.Compile(
        $@"^\s*(?:{ConnectivesInContext}|{Phrases.Alternation("opening.connective")})\b,?\s*(?:so\b(?!\s+(?:far|much|many)\b),?\s*)?", RegexOptions.None);

    private static Regex LeadingConnective() => LeadingConnectivePattern;

    // "Let me think again. 12 + 4 = 16, …" after the answer re-checks it, though it computes.
    private static readonly Regex RecheckOpeningPattern = Phrases.Compile(
        $@"^\W*(?:(?:wait|hmm+|okay|ok|so|but),?\s+)*(?:let me|let's|I(?:'ll| should| want to| need to)?)\s+(?:just\s+)?(?:{Phrases.Alternation("answer.recheck")})\b");

    private static Regex RecheckOpening() => RecheckOpeningPattern;
}
