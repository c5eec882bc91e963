using System.Buffers;
using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>Labels a unit of reasoning with one skill of <see cref="Skills"/>, from its wording and its mathematics.</summary>
internal static partial class SkillClassifier
{
    /// <param name="text">The unit.</param>
    /// <param name="facts">What was read off the unit.</param>
    /// <param name="hasNewNumber">Whether it mentions a quantity that neither the question nor earlier text had.</param>
    /// <param name="questionWords">The question's content words.</param>
    public static string Classify(ReadOnlySpan<char> text, TextFacts facts, bool hasNewNumber, HashSet<ulong> questionWords)
    {
        var (computes, symbolic) = (facts.Computes, facts.Symbolic);
        if (Mentions(text, AnswerWords) && ClarifyAnswer().IsMatch(text))
        {
            return Skills.ClarifyAnswer;
        }

        if (Mentions(text, CheckWords) && Verification().IsMatch(text))
        {
            return Skills.Verification;
        }

        // "So, 3 * 29524 = ?" and "Okay, how about A = 1?" pose the computation the next lines do: arithmetic, not a doubt.
        if (computes && text.TrimEnd() is [.., '?' or ':' or '.'] && (PosedComputation().IsMatch(text) || TrialValue().IsMatch(text)))
        {
            return Skills.Arithmetic;
        }

        // "…= 7560, right?" computes; "Is that 7560?" doubts.
        var doubts = text.TrimEnd().EndsWith('?') && !(computes && TagQuestion().IsMatch(text));
        if ((Hesitation().IsMatch(text) || doubts || AbandonedAttempts.IsAdmission(text)) && !(computes && hasNewNumber))
        {
            return Skills.Reflection;
        }

        if (computes)
        {
            return UnitConversion().IsMatch(text) ? Skills.UnitConversion : Skills.Arithmetic;
        }

        if (symbolic)
        {
            return Skills.EquationSetup;
        }

        if (Mentions(text, FormulaWords) && Formula().IsMatch(text))
        {
            return Skills.ApplyingFormula;
        }

        if (hasNewNumber)
        {
            return Skills.LogicalInference;
        }

        var questionOverlap = Words.Share(facts.Words, questionWords);
        if (questionOverlap >= 0.6 || RestatingOpening().IsMatch(text))
        {
            return Skills.RestatingQuestion;
        }

        if (Planning().IsMatch(text))
        {
            return Skills.Planning;
        }

        return facts.Numbers.Count > 0 && questionOverlap >= 0.3 ? Skills.ReadingQuantity : Skills.LogicalInference;
    }

    // Every sentence is classified: a vectorised search for the words a pattern needs skips most patterns at once.
    private static readonly SearchValues<string> AnswerWords = SearchValues.Create(["answer", "boxed"], StringComparison.OrdinalIgnoreCase);

    /// <summary>What <see cref="Verification"/> needs: an entry of skill.verification, or a word of <see cref="ChecksInContext"/>.</summary>
    private static readonly SearchValues<string> CheckWords = SearchValues.Create(
        [.. Phrases.Of("skill.verification"), "plug", "right", "correct", "consistent"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> FormulaWords = SearchValues.Create(
        ["formula", "defined", "equal", "divided", "multiplied", "sum of", "product of", "difference between", "rate", "proportional", "given by"],
        StringComparison.OrdinalIgnoreCase);

    private static bool Mentions(ReadOnlySpan<char> text, SearchValues<string> words) => text.ContainsAny(words);

    /// <summary>Whether the text computes or states a quantity: numbers joined by an operator, or an equals sign before a number.</summary>
    public static bool Computes(ReadOnlySpan<char> text) => Computation().IsMatch(text);

    /// <summary>Whether the text has symbolic mathematics: an equation with letters, a fraction, a root, a power, a comparison, a congruence.</summary>
    public static bool IsSymbolic(ReadOnlySpan<char> text) => Symbolic().IsMatch(text);

    /// <summary>"3 * 4", "3 x 4", "3 \times $4": numbers joined by an operator sign.</summary>
    private const string OperatorBetweenNumbers = @"\d\s*(?:[-+*/×÷^]|\\times|\\cdot|\\div|x(?=\s*\d))\s*\(?(?:\\?\$|[€£])?\d";

    /// <summary>"= 12", "= $4", "12 =".</summary>
    private const string EqualsNumber = @"=\s*\$?\\?\$?[€£]?-?\d|\d\s*=";

    /// <summary>"3 times 4", "12 divided by $4".</summary>
    private const string OperatorWordBetweenNumbers = @"\d\s*(?:times|divided by|multiplied by|plus|minus)\s+(?:\\?\$|[€£])?\d";

    /// <summary>"28 days * 3 eggs", "5 km/h × 2": quantities with their units multiplied.</summary>
    private const string UnitsMultiplied = @"\d\s+[a-z]+(?:/[a-z]+)?\s*[*×]\s*(?:\\?\$|[€£])?\d";

    [GeneratedRegex(OperatorBetweenNumbers + "|" + EqualsNumber + "|" + OperatorWordBetweenNumbers + "|" + UnitsMultiplied, RegexOptions.IgnoreCase)]
    private static partial Regex Computation();

    // Starts at '=', '\\' (a LaTeX command), '^' or a symbol (a lookbehind for "x =") so that the search for a start is vectorised.
    [GeneratedRegex(@"(?<=[\p{L})\]}]\s*)=|=\s*[\p{L}(\\]|\\(?:[dt]?frac|sqrt|binom|pi|sum|prod|int|log|ln|sin|cos|tan|angle|triangle|cdot|times|div|pm|infty|equiv|leq?|geq?|neq|approx)\b|\^|[<>≤≥≠≡√²³⁴π∞∑∫∠⊥∥]")]
    private static partial Regex Symbolic();

    /// <summary>Whether the text asks or hedges ("Is that 1/4 of the guests?", "Maybe it's 5*(2/5) more.") rather than works.</summary>
    public static bool Doubts(string text) => text.Contains('?') || Hedge().IsMatch(text) || AbandonedAttempts.IsAdmission(text);

    [GeneratedRegex(@",\s*(?:right|correct)\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    [GeneratedRegex(@"\b(?:how about|what about|what if|maybe|perhaps|let me try|let's try|try)\s+\\?\(?\s*[A-Za-z]\s*=\s*-?\d[\d./]*\s*\\?\)?\s*[?:.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrialValue();

    [GeneratedRegex(@"[\d)}\]]\s*=\s*\?\s*$")]
    private static partial Regex PosedComputation();

    [GeneratedRegex(@"\b(?:the\s+(?:final\s+)?answer\s+(?:is|should be|would be)|final answer)\b|\\boxed", RegexOptions.IgnoreCase)]
    private static partial Regex ClarifyAnswer();

    [GeneratedRegex(@"^\W*(?:wait|hmm+|hold on|oh|ah|actually|alternatively|maybe|perhaps|i think|i guess|let me think|is that|am i|did i|yeah|yep|yes|no,|okay|ok|alright|all right|well|right(?=\s*[,.!?]))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hesitation();

    [GeneratedRegex(@"\b(?:formula|is defined as|is equal to|equals|divided by|multiplied by|the sum of|the product of|the difference between|rate|proportional|is given by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Formula();


    private static readonly Regex HedgePattern = Phrases.Compile($@"\b(?:{Phrases.Alternation("skill.hedge")}|confus\w*|interpret\w*)\b");

    private static Regex Hedge() => HedgePattern;

    /// <summary>"Plugging it back in", "that's right", "this seems consistent": checks that need a look at their words' order.</summary>
    private const string ChecksInContext = @"plug(?:ging)?\s+(?:it|this|that|them|these)?\s*back|(?:that|this|it)(?:'s| is| seems| looks)\s+(?:right|correct|consistent)";

    private static readonly Regex VerificationPattern = Phrases.Compile($@"\b(?:{Phrases.Alternation("skill.verification")}|{ChecksInContext})\b");

    private static Regex Verification() => VerificationPattern;

    private static readonly Regex UnitConversionPattern = Phrases.Compile(
        $@"\b(?:{Phrases.Alternation("skill.unit")})\b.*\b(?:60|100|12|1000|3600|16|3|24|7|52)\b|\bconvert");

    private static Regex UnitConversion() => UnitConversionPattern;

    private static readonly Regex RestatingOpeningPattern = Phrases.Compile(
        $@"^\W*(?:okay,?\s+so|so,?\s+(?:i|we)\s+have|{Phrases.Alternation("skill.restating")})");

    private static Regex RestatingOpening() => RestatingOpeningPattern;

    private static readonly Regex PlanningPattern = Phrases.Compile($@"^\W*(?:{Phrases.Alternation("skill.planning")}|step \d)");

    private static Regex Planning() => PlanningPattern;
}
