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

    private static readonly SearchValues<string> CheckWords = SearchValues.Create(
        ["check", "verif", "confirm", "make sure", "sanity", "plug", "sense", "right", "correct", "consistent", "match", "same"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> FormulaWords = SearchValues.Create(
        ["formula", "defined", "equal", "divided", "multiplied", "sum of", "product of", "difference between", "rate", "proportional", "given by"],
        StringComparison.OrdinalIgnoreCase);

    private static bool Mentions(ReadOnlySpan<char> text, SearchValues<string> words) => text.ContainsAny(words);

    /// <summary>Whether the text computes or states a quantity: numbers joined by an operator, or an equals sign before a number.</summary>
    public static bool Computes(ReadOnlySpan<char> text) => Computation().IsMatch(text);

    /// <summary>Whether the text has symbolic mathematics: an equation with letters, a fraction, a root, a power, a comparison, a congruence.</summary>
    public static bool IsSymbolic(ReadOnlySpan<char> text) => Symbolic().IsMatch(text);

    [GeneratedRegex(@"\d\s*(?:[-+*/×÷^]|\\times|\\cdot|\\div|x(?=\s*\d))\s*\(?(?:\\?\$|[€£])?\d|=\s*\$?\\?\$?[€£]?-?\d|\d\s*=|\d\s*(?:times|divided by|multiplied by|plus|minus)\s+(?:\\?\$|[€£])?\d|\d\s+[a-z]+(?:/[a-z]+)?\s*[*×]\s*(?:\\?\$|[€£])?\d", RegexOptions.IgnoreCase)]
    private static partial Regex Computation();

    // Starts at '=', '\\' (a LaTeX command), '^' or a symbol (a lookbehind for "x =") so that the search for a start is vectorised.
    [GeneratedRegex(@"(?<=[\p{L})\]}]\s*)=|=\s*[\p{L}(\\]|\\(?:[dt]?frac|sqrt|binom|pi|sum|prod|int|log|ln|sin|cos|tan|angle|triangle|cdot|times|div|pm|infty|equiv|leq?|geq?|neq|approx)\b|\^|[<>≤≥≠≡√²³⁴π∞∑∫∠⊥∥]")]
    private static partial Regex Symbolic();

    /// <summary>Whether the text asks or hedges ("Is that 1/4 of the guests?", "Maybe it's 5*(2/5) more.") rather than works.</summary>
    public static bool Doubts(string text) => text.Contains('?') || Hedge().IsMatch(text) || AbandonedAttempts.IsAdmission(text);

    [GeneratedRegex(@"\b(?:maybe|perhaps|alternatively|might|i think|i guess|not sure|confus\w*|tricky|mistake|wrong|typo|wording|interpret\w*|(?:does|do|did) (?:that|this|it) mean|if that's the case|(?:is|are|seems?|looks?) (?:correct|right))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();

    [GeneratedRegex(@",\s*(?:right|correct)\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    [GeneratedRegex(@"\b(?:how about|what about|what if|maybe|perhaps|let me try|let's try|try)\s+\\?\(?\s*[A-Za-z]\s*=\s*-?\d[\d./]*\s*\\?\)?\s*[?:.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrialValue();

    [GeneratedRegex(@"[\d)}\]]\s*=\s*\?\s*$")]
    private static partial Regex PosedComputation();

    [GeneratedRegex(@"\b(?:the\s+(?:final\s+)?answer\s+(?:is|should be|would be)|final answer)\b|\\boxed", RegexOptions.IgnoreCase)]
    private static partial Regex ClarifyAnswer();

    [GeneratedRegex(@"\b(?:check|checking|verify|verifying|verified|double[- ]check|confirm|confirms|make sure|sanity|plug(?:ging)?\s+(?:it|this|that|them|these)?\s*back|does (?:that|this|it) make sense|(?:that|this|it)(?:'s| is| seems| looks)\s+(?:right|correct|consistent)|matches|same (?:answer|result))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verification();

    [GeneratedRegex(@"^\W*(?:wait|hmm+|hold on|oh|ah|actually|alternatively|maybe|perhaps|i think|i guess|let me think|is that|am i|did i|yeah|yep|yes|no,|okay|ok|alright|all right|well|right(?=\s*[,.!?]))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hesitation();

    [GeneratedRegex(@"\b(?:convert|conversion|minutes?|hours?|seconds?|cents?|inch(?:es)?|feet|foot|yards?|ounces?|pounds?|grams?|kilograms?|liters?|milliliters?|meters?|kilometers?|dozens?)\b.*\b(?:60|100|12|1000|3600|16|3|24|7|52)\b|\bconvert", RegexOptions.IgnoreCase)]
    private static partial Regex UnitConversion();

    [GeneratedRegex(@"\b(?:formula|is defined as|is equal to|equals|divided by|multiplied by|the sum of|the product of|the difference between|rate|proportional|is given by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Formula();

    [GeneratedRegex(@"^\W*(?:okay,?\s+so|so,?\s+(?:i|we)\s+have|the (?:problem|question)|this (?:problem|question)|let me (?:read|parse|re-?read|restate)|we(?:'re| are) (?:given|asked|told)|i(?:'m| am) (?:given|asked|told))", RegexOptions.IgnoreCase)]
    private static partial Regex RestatingOpening();

    [GeneratedRegex(@"^\W*(?:first|next|then|now|to (?:find|calculate|compute|figure|determine|solve|get|do)|i (?:need|have|want) to|we (?:need|have|want) to|let me|let's|let us|i should|i'll|i will|my (?:goal|plan)|the (?:goal|plan|next step)|step \d)", RegexOptions.IgnoreCase)]
    private static partial Regex Planning();
}
