using System.Globalization;
using Drp.Core.Answers;

namespace Drp.Core.Faithfulness;

/// <summary>
/// What the question and the student's reasoning give a pruned trace, read only as far as a check needs: a number is
/// looked up where the student first writes it (one sentence read), and the whole reasoning is read only when that
/// is not enough (a number written another way, a computation that does not hold).
/// </summary>
internal sealed class StudentReasoning(string question, string original)
{
    private readonly Lazy<HashSet<Rational>> originalValues = new(() => ValuesOf(original));
    private readonly Lazy<HashSet<Rational>> questionValues = new(() => ValuesOf(question));
    private readonly Lazy<StudentWork> work = new(() => StudentWork.Of(original));

    /// <summary>Every value the question gives (in digits, words, fractions, percentages).</summary>
    public HashSet<Rational> Question => questionValues.Value;

    /// <summary>Whether the question writes the number in digits as the pruned text does (a quick look, before <see cref="Supports"/>).</summary>
    public bool InQuestion(Quantity quantity) => FirstMention(question, quantity.Written, 0) >= 0;

    /// <summary>
    /// Whether the student wrote this computation too (its <see cref="Computation.Key"/>): looked for in the sentences
    /// that write its result, or in the whole reasoning when its result is not one number.
    /// </summary>
    public bool Wrote(Computation computation)
    {
        var result = computation.Right.Trim();
        if (!work.IsValueCreated && result.Length > 0 && result.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            for (var at = FirstMention(original, result, 0); at >= 0; at = FirstMention(original, result, at + 1))
            {
                if (Computations.In(MathText.Of(original[SentenceAround(at)])).Any(c => c.Key == computation.Key))
                {
                    return true;
                }
            }
        }

        return work.Value.Keys.Contains(computation.Key);
    }

    /// <summary>The student's computation with the same left side as <paramref name="computation"/>.</summary>
    public Computation? SameLeftSide(Computation computation)
    {
        static string Spaceless(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var left = Spaceless(computation.Left);
        return work.Value.All.FirstOrDefault(c => c.Holds && Spaceless(c.Left) == left);
    }

    /// <summary>
    /// The student's sentence that first mentions the number, working it out; null when the student first states it
    /// without working it out (a known fact, an answer checked afterwards) or never writes it. <paramref name="pruned"/>
    /// is the sentence of the pruned text that uses the number without working it out: when the student's sentence is
    /// that one, the student did not work it out there either.
    /// </summary>
    public string? WorkedOut(Quantity quantity, string pruned)
    {
        var at = FirstMention(quantity);
        if (at < 0)
        {
            return work.Value.Results.GetValueOrDefault(quantity.Value);
        }

        var around = SentenceAround(at);
        if (original.AsSpan(around).Trim().SequenceEqual(pruned.AsSpan().Trim()) || !Computations.MayHold(original.AsSpan(around)))
        {
            return null;
        }

        var sentence = original[around];
        var math = MathText.Of(sentence);
        return FaithfulnessCheck.WorkedOut(Quantities.In(math), Computations.In(math)).Contains(quantity.Value) ? sentence.Trim() : null;
    }

    /// <summary>The number is in the question or the reasoning (a percentage also as its fraction, or rounded to fewer digits).</summary>
    public bool Supports(Quantity quantity)
    {
        var value = quantity.Value;
        if (FirstMention(quantity) >= 0 || Question.Contains(value) || (quantity.IsPercent && Question.Contains(quantity.Fraction)))
        {
            return true;
        }

        if (originalValues.Value.Contains(value) || (quantity.IsPercent && originalValues.Value.Contains(quantity.Fraction)))
        {
            return true;
        }

        if (quantity.DecimalPlaces == 0)
        {
            return false;
        }

        var scale = Math.Pow(10, quantity.DecimalPlaces);
        var written = value.ToDouble() * scale;
        return originalValues.Value.Concat(Question).Any(v => v.ToDouble() * scale is var s
            && (Math.Abs(Math.Round(s, MidpointRounding.AwayFromZero) - written) < 0.5 || Math.Abs(Math.Truncate(s) - written) < 0.5));
    }

    /// <summary>Where the student first writes the number in digits as the pruned text does (also grouped, "1,200" for 1200), or -1.</summary>
    private int FirstMention(Quantity quantity)
    {
        var first = FirstMention(original, quantity.Written, 0);
        if (quantity.DecimalPlaces == 0 && quantity.Written.Length > 3 && long.TryParse(quantity.Written, out var whole))
        {
            var grouped = FirstMention(original, whole.ToString("N0", CultureInfo.InvariantCulture), 0);
            first = first < 0 || (grouped >= 0 && grouped < first) ? grouped : first;
        }

        return first;
    }

    /// <summary>Where <paramref name="text"/> writes these digits as a number of its own (not part of 1200 or 2.5), from <paramref name="from"/> on, or -1.</summary>
    private static int FirstMention(string text, string digits, int from)
    {
        for (var at = text.IndexOf(digits, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(digits, at + 1, StringComparison.Ordinal))
        {
            var end = at + digits.Length;
            var before = at == 0 ? ' ' : text[at - 1];
            var standsAlone = !char.IsAsciiDigit(before) && before is not ('.' or ',') && !char.IsLetter(before)
                && (end == text.Length || !(char.IsAsciiDigit(text[end]) || char.IsLetter(text[end])
                    || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))));
            if (standsAlone)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The sentence of the reasoning that holds position <paramref name="at"/> (as <see cref="FaithfulnessCheck.Sentences"/> cuts them).</summary>
    private Range SentenceAround(int at)
    {
        var start = at;
        while (start > 0 && !(original[start - 1] == '\n' || (char.IsWhiteSpace(original[start - 1]) && start > 1 && original[start - 2] is '.' or '!' or '?')))
        {
            start--;
        }

        var end = at;
        while (end < original.Length && !(original[end] == '\n' || (original[end] is '.' or '!' or '?' && (end + 1 == original.Length || char.IsWhiteSpace(original[end + 1])))))
        {
            end++;
        }

        return start..Math.Min(original.Length, end + 1);
    }

    private static HashSet<Rational> ValuesOf(string text)
    {
        var values = new HashSet<Rational>();
        Quantities.AddValues(text, values);
        return values;
    }

    /// <summary>
    /// The computations of the student's reasoning, and the results the student works out before stating them: for each,
    /// the sentence that first mentions it, working it out.
    /// </summary>
    private sealed record StudentWork(List<Computation> All, HashSet<string> Keys, Dictionary<Rational, string> Results)
    {
        public static StudentWork Of(string original)
        {
            var work = new StudentWork([], new HashSet<string>(StringComparer.Ordinal), []);
            var mentioned = new HashSet<Rational>();
            foreach (var sentence in FaithfulnessCheck.Sentences(original))
            {
                var math = MathText.Of(sentence);
                var computations = Computations.In(math);
                work.All.AddRange(computations);
                work.Keys.UnionWith(computations.Select(c => c.Key));
                var quantities = Quantities.In(math);
                var results = FaithfulnessCheck.WorkedOut(quantities, computations);
                foreach (var quantity in quantities)
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
