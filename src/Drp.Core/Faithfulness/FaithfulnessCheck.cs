using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Faithfulness;

/// <summary>
/// Reads a pruned reasoning against the question and the student's own reasoning, and finds what the student never
/// said: a computation that does not hold (and that the student did not write), a number that is in neither text and
/// that no computation on the page works out, and a result the student worked out that the pruned text uses before it
/// works it out (the step that did was left out). Mental arithmetic a reader can follow in one operation from numbers
/// in view (the sentence's own, before it: "16 eggs, 3 eaten, so 13 left") is not a gap. A teacher that only deletes
/// and trims the student's text passes untouched.
/// </summary>
public static partial class FaithfulnessCheck
{
    /// <summary>The findings, in the order of the pruned text (each number judged once, where it first stands).</summary>
    public static IReadOnlyList<Finding> Check(string? question, string original, string pruned)
    {
        var sources = new StudentReasoning(question ?? "", original);
        var findings = new List<Finding>();
        var page = new HashSet<Rational>();
        // What a reader has in view for mental arithmetic: the numbers of the sentence before the one judged.
        var inView = new HashSet<Rational>();
        foreach (var sentence in Sentences(pruned))
        {
            inView.Clear();
            var math = MathText.Of(sentence);
            var setAside = SetAside(math);
            var computations = Computations.In(math);
            foreach (var computation in computations.Where(c => !c.Holds && !sources.Wrote(c)))
            {
                findings.Add(new Finding(FindingKinds.FalseComputation, sentence.Trim(), FalseComputation(computation, sources)));
            }

            // "90 cubed is 729,000 because 90*90=8100, and 8100*90=729,000": the sentence works it out.
            var quantities = Quantities.In(math);
            var results = WorkedOut(quantities, computations);
            foreach (var quantity in quantities)
            {
                if (results.Contains(quantity.Value) || setAside.Contains(quantity.At) || page.Contains(quantity.Value) || sources.InQuestion(quantity))
                {
                    page.Add(quantity.Value);
                    inView.Add(quantity.Value);
                    continue;
                }

                if (!IsSmall(quantity.Value) && !sources.Supports(quantity))
                {
                    findings.Add(new Finding(FindingKinds.UnsupportedNumber, sentence.Trim(),
                        $"{quantity.Written} is in neither the question nor the student's reasoning, and no computation before it works it out"));
                }
                else if (MissingStep(quantity, quantities, computations, inView, sentence, sources) is { } step)
                {
                    findings.Add(new Finding(FindingKinds.MissingStep, sentence.Trim(),
                        $"{quantity.Written} is used before the pruned reasoning works it out; the student works it out in \"{Shortened(step)}\""));
                }

                page.Add(quantity.Value);
                inView.Add(quantity.Value);
            }
        }

        return findings;
    }

    /// <summary>
    /// The student's sentence that works out a number the pruned sentence uses without working it out, when no mental
    /// arithmetic on what is in view gives it; null when there is no gap.
    /// </summary>
    private static string? MissingStep(
        Quantity quantity, List<Quantity> sentence, List<Computation> computations, HashSet<Rational> inView, string text, StudentReasoning sources)
    {
        var small = IsSmall(quantity.Value);
        var operandOf = OperandOf(quantity, computations);
        if ((small && operandOf is null) || sources.WorkedOut(quantity, text) is not { } step)
        {
            return null;
        }

        var view = small ? SmallView(quantity, sentence, operandOf!, sources.Question) : WithWords(inView, text);
        return MentalArithmetic.Reaches(quantity.Value, view) ? null : step;
    }

    private static string FalseComputation(Computation computation, StudentReasoning sources)
    {
        var detail = $"\"{computation}\" does not hold: {computation.Left.Trim()} is {computation.Value}";
        return sources.SameLeftSide(computation) is { } student ? $"{detail}; the student's step says \"{student}\"" : detail;
    }

    /// <summary>Where the numbers a sentence names only to set aside stand: "16 miles, not 480", "instead of 15 hours".</summary>
    private static IReadOnlySet<int> SetAside(string math) =>
        math.Contains("not ", StringComparison.Ordinal) || math.Contains("instead of", StringComparison.Ordinal) || math.Contains("rather than", StringComparison.Ordinal)
            ? SetAsideNumber().Matches(math).Select(m => m.Groups["n"].Index).ToHashSet()
            : NoPositions;

    private static readonly HashSet<int> NoPositions = [];

    [GeneratedRegex(@"\b(?:not|instead of|rather than)\s+\(?(?<n>\d)")]
    private static partial Regex SetAsideNumber();

    /// <summary>The numbers in view with those the sentence writes in words ("three boxes of 15"), read only when needed.</summary>
    private static HashSet<Rational> WithWords(HashSet<Rational> inView, string sentence)
    {
        var view = new HashSet<Rational>(inView);
        Quantities.AddWords(sentence, view);
        return view;
    }

    /// <summary>The values the computations of a sentence work out, of its numbers.</summary>
    internal static IReadOnlySet<Rational> WorkedOut(List<Quantity> quantities, List<Computation> computations) =>
        computations.Count == 0 ? NoValues : quantities.Where(q => computations.Any(c => c.ResultAt == q.At)).Select(q => q.Value).ToHashSet();

    private static readonly HashSet<Rational> NoValues = [];

    /// <summary>
    /// The computation a small number (3 to 12, 100, 1000) is an operand of: only there can it be a result left unworked
    /// ("4 colorings", "≡ 5 mod 7" say too little to tell a result from a count). Null for 0, 1 and 2 and elsewhere.
    /// </summary>
    private static Computation? OperandOf(Quantity quantity, List<Computation> computations) =>
        quantity.Value.Numerator <= 2 ? null : computations.FirstOrDefault(c => c.HasOperandAt(quantity.At));

    /// <summary>
    /// What is in view for a small operand: the question and the rest of its sentence, but for what its computation works
    /// out ("54 − 4 = 50, then minus 5 more is 45" splits the question's 9 into 4 and 5).
    /// </summary>
    private static HashSet<Rational> SmallView(Quantity quantity, List<Quantity> sentence, Computation computation, HashSet<Rational> question)
    {
        var view = new HashSet<Rational>(question);
        view.UnionWith(sentence.Where(q => q.At != quantity.At && q.At != computation.ResultAt).Select(q => q.Value));
        return view;
    }

    /// <summary>
    /// Numbers any text may write without taking them from anywhere, and that say too little to tell a result the student
    /// worked out from a count ("4 colorings", "54 − 4" for 9 as 4 + 5): whole numbers up to 12, 100 and 1000.
    /// </summary>
    private static bool IsSmall(Rational value) =>
        value.Denominator.IsOne && value.Numerator >= 0 && (value.Numerator <= 12 || value.Numerator == 100 || value.Numerator == 1000);

    /// <summary>The student's sentence that shares the most words with <paramref name="sentence"/> (for showing a finding beside it).</summary>
    public static string ClosestSentence(string original, string sentence)
    {
        var words = Word().Matches(sentence).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        return SentenceEnd().Split(original).Select(s => s.Trim()).Where(s => s.Length > 0)
            .MaxBy(s => Word().Matches(s).Count(m => words.Contains(m.Value.ToLowerInvariant()))) ?? "";
    }

    /// <summary>The number a finding is about, as its sentence writes it: a false computation's result, a number from nowhere, an unworked result.</summary>
    public static string? NumberOf(Finding finding)
    {
        var claim = finding.Kind == FindingKinds.FalseComputation ? Claim().Match(finding.Detail).Groups["claim"].Value : finding.Detail;
        var numbers = Number().Matches(claim);
        return numbers.Count == 0 ? null : finding.Kind == FindingKinds.FalseComputation ? numbers[^1].Value : numbers[0].Value;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"^""(?<claim>.*?)"" does not hold")]
    private static partial Regex Claim();

    /// <summary>The sentences of a text that write a digit (the others hold no number to judge).</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (var range in SentenceEnd().EnumerateSplits(text))
        {
            if (text.AsSpan(range).ContainsAnyInRange('0', '9'))
            {
                sentences.Add(text[range]);
            }
        }

        return sentences;
    }

    private static string Shortened(string sentence) => sentence.Length <= 160 ? sentence : sentence[..157] + "…";

    // A sentence ends at . ! ? before a space or a line break (not inside 2.5), or at a line break.
    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    internal static partial Regex SentenceEnd();
}
