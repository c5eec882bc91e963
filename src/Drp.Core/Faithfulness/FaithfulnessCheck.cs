using System.Numerics;
using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Faithfulness;

/// <summary>
/// Reads a pruned reasoning against the question and the student's own reasoning, and finds what the student never
/// said: a computation that does not hold (and that the student did not write), a number that is in neither text and
/// that no computation on the page works out, and a result the student worked out that the pruned text uses before it
/// works it out (the step that did was left out). Mental arithmetic a reader can follow in one operation from numbers
/// in view (the sentence's own, before it: "16 eggs, 3 eaten, so 13 left") is not a gap. A teacher that only deletes and trims the student's text passes untouched.
/// </summary>
public static partial class FaithfulnessCheck
{
    /// <summary>The findings, in the order of the pruned text (each number judged once, where it first stands).</summary>
    public static IReadOnlyList<Finding> Check(string? question, string original, string pruned)
    {
        var sources = new Sources(question ?? "", original);
        var findings = new List<Finding>();
        var page = new HashSet<Rational>(sources.Question);
        var judged = new HashSet<Rational>();
        foreach (var sentence in Sentences(pruned))
        {
            // What a reader has in view for mental arithmetic: the numbers of this sentence before the one judged, and its numbers in words.
            var inView = new HashSet<Rational>();
            Quantities.AddWords(sentence, inView);
            var math = MathText.Of(sentence);
            var setAside = SetAside(math);
            var computations = Computations.In(math);
            foreach (var computation in computations.Where(c => !c.Holds && !sources.Computations.Contains(c.Key)))
            {
                findings.Add(new Finding(FindingKinds.FalseComputation, sentence.Trim(), FalseComputation(computation, sources)));
            }

            // "90 cubed is 729,000 because 90*90=8100, and 8100*90=729,000": the sentence works it out.
            var results = WorkedOut(math, computations);
            foreach (var quantity in Quantities.In(math))
            {
                if (results.Contains(quantity.Value) || setAside.Contains(quantity.At) || !judged.Add(quantity.Value) || page.Contains(quantity.Value))
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
                else if (sources.WorkedOut(quantity.Value) is { } step
                    && (IsSmall(quantity.Value) ? SmallOperandGap(quantity, math, computations, sources.Question) : !MentalArithmetic.Reaches(quantity.Value, inView)))
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

    private static string FalseComputation(Computation computation, Sources sources)
    {
        var detail = $"\"{computation}\" does not hold: {computation.Left.Trim()} is {computation.Value}";
        return sources.SameLeftSide(computation) is { } student ? $"{detail}; the student's step says \"{student}\"" : detail;
    }

    /// <summary>Where the numbers a sentence names only to set aside stand: "16 miles, not 480", "instead of 15 hours".</summary>
    private static HashSet<int> SetAside(string math) =>
        math.Contains("not ", StringComparison.Ordinal) || math.Contains("instead of", StringComparison.Ordinal) || math.Contains("rather than", StringComparison.Ordinal)
            ? [.. SetAsideNumber().Matches(math).Select(m => m.Groups["n"].Index)]
            : [];

    [GeneratedRegex(@"\b(?:not|instead of|rather than)\s+\(?(?<n>\d)")]
    private static partial Regex SetAsideNumber();

    /// <summary>The values the computations of a <see cref="MathText"/> sentence work out.</summary>
    private static HashSet<Rational> WorkedOut(string math, List<Computation> computations) =>
        computations.Count == 0 ? []
            : Quantities.In(math).Where(q => computations.Any(c => c.ResultAt == q.At)).Select(q => q.Value).ToHashSet();

    /// <summary>
    /// A small number (3 to 12, 100, 1000) is a result left unworked only where a computation works with it and nothing
    /// else in view gives it in one operation: the question and the rest of the sentence, but for what that computation
    /// works out ("54 − 4 = 50, then minus 5 more is 45" splits the question's 9 into 4 and 5). Elsewhere ("4 colorings",
    /// "≡ 5 mod 7") it says too little to tell a result from a count.
    /// </summary>
    private static bool SmallOperandGap(Quantity quantity, string math, List<Computation> computations, HashSet<Rational> question)
    {
        if (quantity.Value.Numerator <= 2 || computations.FirstOrDefault(c => c.HasOperandAt(quantity.At)) is not { } computation)
        {
            return false;
        }

        var view = new HashSet<Rational>(question);
        view.UnionWith(Quantities.In(math).Where(q => q.At != quantity.At && q.At != computation.ResultAt).Select(q => q.Value));
        return !MentalArithmetic.Reaches(quantity.Value, view);
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

    public static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Where(s => s.Any(char.IsAsciiDigit));

    private static string Shortened(string sentence) => sentence.Length <= 160 ? sentence : sentence[..157] + "…";

    // A sentence ends at . ! ? before a space or a line break (not inside 2.5), or at a line break.
    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceEnd();

    /// <summary>What the question and the student's reasoning give, read once and only as far as a check needs.</summary>
    private sealed class Sources(string question, string original)
    {
        private readonly Lazy<HashSet<Rational>> questionValues = new(() => ValuesOf(question));
        private readonly Lazy<HashSet<Rational>> originalValues = new(() => ValuesOf(original));
        private readonly Lazy<StudentWork> work = new(() => StudentWork.Of(original));

        public HashSet<Rational> Question => questionValues.Value;

        /// <summary>The student's computations, by <see cref="Computation.Key"/>.</summary>
        public IReadOnlySet<string> Computations => work.Value.Keys;

        /// <summary>The student's sentence that works out <paramref name="value"/>, or null when the student only states it.</summary>
        public string? WorkedOut(Rational value) => work.Value.Results.GetValueOrDefault(value);

        /// <summary>The student's computation with the same left side as <paramref name="computation"/>.</summary>
        public Computation? SameLeftSide(Computation computation)
        {
            var left = Regex.Replace(computation.Left, @"\s+", "");
            return work.Value.All.FirstOrDefault(c => c.Holds && Regex.Replace(c.Left, @"\s+", "") == left);
        }

        /// <summary>The number is in the question or the reasoning (a percentage also as its fraction, or rounded to fewer digits).</summary>
        public bool Supports(Quantity quantity)
        {
            var value = quantity.Value;
            if (Has(value) || (quantity.IsPercent && Has(quantity.Fraction)))
            {
                return true;
            }

            if (quantity.DecimalPlaces == 0)
            {
                return false;
            }

            var scale = Math.Pow(10, quantity.DecimalPlaces);
            var written = value.ToDouble() * scale;
            return originalValues.Value.Concat(questionValues.Value).Any(v => v.ToDouble() * scale is var s
                && (Math.Abs(Math.Round(s, MidpointRounding.AwayFromZero) - written) < 0.5 || Math.Abs(Math.Truncate(s) - written) < 0.5));
        }

        private bool Has(Rational value) => questionValues.Value.Contains(value) || originalValues.Value.Contains(value);

        private static HashSet<Rational> ValuesOf(string text)
        {
            var values = new HashSet<Rational>();
            Quantities.AddValues(text, values);
            return values;
        }
    }

    /// <summary>
    /// The computations of the student's reasoning, and the results the student works out before stating them: for each,
    /// the sentence that first mentions it, working it out. A number the student states before working it out (a
    /// known fact, an answer checked afterwards) is not one the pruned text must work out either.
    /// </summary>
    private sealed record StudentWork(List<Computation> All, HashSet<string> Keys, Dictionary<Rational, string> Results)
    {
        public static StudentWork Of(string original)
        {
            var work = new StudentWork([], new HashSet<string>(StringComparer.Ordinal), []);
            var mentioned = new HashSet<Rational>();
            foreach (var sentence in Sentences(original))
            {
                var math = MathText.Of(sentence);
                var computations = Faithfulness.Computations.In(math);
                work.All.AddRange(computations);
                work.Keys.UnionWith(computations.Select(c => c.Key));
                var results = WorkedOut(math, computations);
                foreach (var quantity in Quantities.In(math))
                {
                    if (mentioned.Add(quantity.Value) && results.Contains(quantity.Value))
                    {
                        work.Results[quantity.Value] = sentence.Trim();
                    }
                }
            }

            return work;
        }
    }
}
