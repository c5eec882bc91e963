using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Answers.Expressions;

namespace Drp.Core.Faithfulness;

/// <summary>
/// One computation a sentence writes: <see cref="Left"/> and <see cref="Right"/> as written (in <see cref="MathText"/>
/// form), whether it holds, and the value the left side has (<see cref="Value"/> as text). <see cref="LeftAt"/> is where in the <see cref="MathText"/>
/// sentence its left side starts, <see cref="ResultAt"/> where the number it works out stands (-1 when the right side
/// is not one number).
/// </summary>
public sealed record Computation(string Left, char Relation, string Right, bool Holds, Complex LeftValue, int LeftAt, int ResultAt)
{
    /// <summary>The value of the left side, written as a number ("240", "33.333333").</summary>
    public string Value => Computations.Format(LeftValue);

    /// <summary>Whether the number standing at <paramref name="at"/> is one this computation works with.</summary>
    public bool HasOperandAt(int at) => at >= LeftAt && at < LeftAt + Left.Length;

    /// <summary>The computation without spaces: two spellings of it that differ only in spacing are one.</summary>
    public string Key => string.Concat($"{Left}={Right}".Where(c => !char.IsWhiteSpace(c)));

    public override string ToString() => Regex.Replace($"{Left.Trim()} {(Relation == MathText.WordEquals ? '=' : Relation)} {Right.Trim()}", @"\s+", " ");
}

/// <summary>
/// Reads the computations of a sentence (<c>a op b = c</c>, chains <c>200 + 400 + 100 = 700</c>, words "12 plus 10 is
/// 22", LaTeX <c>\frac{3}{4} \times 20 = 15</c>, percentages and money) and says whether each holds, with the
/// expressions parsed and evaluated by <see cref="MathParser"/> and <see cref="MathEvaluator"/>. A side with a letter
/// (<c>3x = 15</c>, <c>f(3)</c>) is algebra, not arithmetic, and is not read; neither is a relation with no operation
/// on either side ("Day 1 = 5"). A computation holds to the digits written: <c>100/3 = 33.3</c>, <c>7/2 = 3</c> (cut)
/// and <c>2/3 ≈ 0.67</c> hold, <c>8 * 30 = 241</c> does not. A running chain (<c>2 * 3 = 6 + 1 = 7</c>) holds step by step.
/// </summary>
public static partial class Computations
{
    /// <summary>Whether a sentence as written may hold a computation at all: an equals sign or a word that says one.</summary>
    public static bool MayHold(ReadOnlySpan<char> sentence) => sentence.ContainsAny('=', '≈', '≅') || sentence.ContainsAny(RelationWords);

    // ASCII words only: a non-ASCII one would send every case-insensitive search down a far slower path.
    private static readonly System.Buffers.SearchValues<string> RelationWords = System.Buffers.SearchValues.Create(
        ["approx", "is", "equals", "gives", "makes", "would be", "comes to", "that's"], StringComparison.OrdinalIgnoreCase);

    /// <param name="text">A sentence in <see cref="MathText"/> form.</param>
    public static List<Computation> In(string text)
    {
        var first = text.AsSpan().IndexOfAny(RelationSigns);
        if (first < 0)
        {
            return None;
        }

        List<Computation>? found = null;
        Side? left = null;
        var segmentStart = 0;
        for (var relation = first; segmentStart <= text.Length; )
        {
            var segmentEnd = relation >= 0 ? relation : text.Length;
            var segment = text.AsSpan(segmentStart, segmentEnd - segmentStart);
            if (segmentStart > 0 && left is { } l && LeadingRun(segment, segmentStart) is { } right)
            {
                if (Judge(l, text[segmentStart - 1], right) is { } computation)
                {
                    (found ??= []).Add(computation);
                }

                // "2 * 3 = 6 + 1 = 7": the right side goes on as the left side of the next relation, unless words follow it.
                left = segment[(right.End - segmentStart)..].Trim().Length == 0 ? right : null;
            }
            else
            {
                left = null;
            }

            if (relation < 0)
            {
                break;
            }

            left ??= TrailingRun(segment, segmentStart);
            segmentStart = relation + 1;
            var next = text.AsSpan(segmentStart).IndexOfAny(RelationSigns);
            relation = next < 0 ? -1 : segmentStart + next;
        }

        return found ?? None;
    }

    /// <summary>What a sentence without computations gives: never added to (callers only read what they get).</summary>
    private static readonly List<Computation> None = [];

    /// <summary>A side of a relation: its text, where it stands, its value (null when it has none).</summary>
    private sealed record Side(string Text, int Start, int End, Complex? Value, int DecimalPlaces, bool IsNumber, bool HasOperation);

    private static Computation? Judge(Side left, char relation, Side right)
    {
        if (left.Value is not { } a || right.Value is not { } b)
        {
            return null;
        }

        // "Day 1 = 5", "x is 12": no operation on either side, nothing worked out. "12 is 5" needs one on the left.
        // "500 times 24 is 500*20 is 10,000": "is" before an expression says how it is worked out, not that it is equal.
        if (!left.HasOperation && (relation == MathText.WordEquals || !right.HasOperation) || relation == MathText.WordEquals && !right.IsNumber)
        {
            return null;
        }

        var holds = Agree(a, left, b, right, relation);
        return new Computation(left.Text, relation, right.Text, holds, a, left.Start, right.IsNumber ? right.Start : -1);
    }

    private static bool Agree(Complex a, Side left, Complex b, Side right, char relation)
    {
        if (Close(a, b, 1e-9))
        {
            return true;
        }

        if (relation == MathText.Approximately && Close(a, b, 0.01))
        {
            return true;
        }

        // "0.6 × 100 = 60%": a result written as a percentage is the number before its sign.
        if (PercentOnly().Match(right.Text) is { Success: true } percent && double.TryParse(percent.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && Close(a, n, 1e-9))
        {
            return true;
        }

        // Rounded or cut to the digits written on the side that is one number.
        return (right.IsNumber && Written(a, b, right.DecimalPlaces)) || (left.IsNumber && Written(b, a, left.DecimalPlaces))
            || (relation != MathText.Approximately && right.Text.TrimStart().StartsWith(Format(a), StringComparison.Ordinal) && RunsOn(right.Text, a));
    }

    /// <summary>"6 + 1" after "2 * 3 =": the right side starts from the left side's value and goes on computing.</summary>
    private static bool RunsOn(string right, Complex value)
    {
        var rest = right.TrimStart()[Format(value).Length..].TrimStart();
        return rest.Length > 0 && rest[0] is '+' or '-' or '*' or '/';
    }

    private static bool Written(Complex exact, Complex written, int decimals)
    {
        if (Math.Abs(exact.Imaginary) > 1e-12 || Math.Abs(written.Imaginary) > 1e-12 || decimals > 12)
        {
            return false;
        }

        var scale = Math.Pow(10, decimals);
        var target = Math.Round(written.Real * scale);
        var scaled = exact.Real * scale;
        return Math.Abs(Math.Round(scaled, MidpointRounding.AwayFromZero) - target) < 0.5
            || Math.Abs(Math.Truncate(scaled + Math.Sign(scaled) * 1e-9) - target) < 0.5;
    }

    private static bool Close(Complex a, Complex b, double relative) =>
        Complex.Abs(a - b) <= relative * Math.Max(1e-9, Math.Max(Complex.Abs(a), Complex.Abs(b)));

    internal static string Format(Complex value) =>
        Math.Abs(value.Imaginary) > 1e-12 ? value.ToString(CultureInfo.InvariantCulture)
            : Math.Round(value.Real, 6).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The arithmetic that ends a segment: the left side of the relation after it.</summary>
    private static Side? TrailingRun(ReadOnlySpan<char> segment, int offset)
    {
        var end = segment.Length;
        while (end > 0 && char.IsWhiteSpace(segment[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && IsRunChar(segment, start - 1))
        {
            start--;
        }

        while (start < end && segment[start] is ' ' or '\t')
        {
            start++;
        }

        // "f(3) = 9", "x2 = 10", "3x + 5 = 20": a letter or a mark holds on to the run, which is then not arithmetic.
        if (start > 0 && !char.IsWhiteSpace(segment[start - 1]) && segment[start - 1] is not (',' or ':' or ';' or '(' or '"'))
        {
            return null;
        }

        var text = segment[start..end];
        while (text.StartsWith('(') && Depth(text) > 0)
        {
            text = text[1..].TrimStart();
            start = end - text.Length;
        }

        return text.Length == 0 || text[0] is '+' or '*' or '/' or '^' ? null : Read(text, offset + start, offset + end);
    }

    /// <summary>The arithmetic that opens a segment: the right side of the relation before it.</summary>
    private static Side? LeadingRun(ReadOnlySpan<char> segment, int offset)
    {
        var start = 0;
        while (start < segment.Length && char.IsWhiteSpace(segment[start]))
        {
            start++;
        }

        var end = start;
        while (end < segment.Length && IsRunChar(segment, end))
        {
            end++;
        }

        while (end > start && char.IsWhiteSpace(segment[end - 1]))
        {
            end--;
        }

        // "= 2x", "= 3y + 1": a letter right after the number.
        if (end < segment.Length && (char.IsLetter(segment[end]) || segment[end] is '_' or '\\' or '^' or '!'))
        {
            return null;
        }

        var text = segment[start..end];
        while (text.EndsWith(')') && Depth(text) < 0)
        {
            text = text[..^1].TrimEnd();
        }

        return text.Length == 0 || text[^1] is '+' or '-' or '*' or '/' or '^' || text[0] is '*' or '/' or '^'
            ? null
            : Read(text, offset + start, offset + start + text.Length);
    }

    private static Side? Read(ReadOnlySpan<char> text, int start, int end)
    {
        if (!text.ContainsAnyInRange('0', '9') || Adjacent().IsMatch(text) || Depth(text) != 0)
        {
            return null;
        }

        if (LoneNumber().IsMatch(text))
        {
            var trimmed = text.Trim();
            var decimals = trimmed.IndexOf('.') is var point and >= 0 ? trimmed.Length - point - 1 : 0;
            return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? new Side(text.ToString(), start, end, value, decimals, true, false)
                : null;
        }

        // A side holds digits, operators and brackets only (MathText wrote LaTeX and words as them): no cleaning to do.
        var written = text.ToString();
        var node = MathParser.Parse(LatexLexer.Tokenize(written));
        if (node is null || MathTree.Descendants(node).Any(n => n is Sym or Text or Relation or Seq))
        {
            return null;
        }

        var exact = MathEvaluator.Exact(node);
        var complex = exact is { } e ? e.ToDouble() : MathEvaluator.Evaluate(node, NoValues);
        return complex is { } c && !double.IsNaN(c.Real) && !double.IsInfinity(c.Real)
            ? new Side(written, start, end, c, 0, false, true)
            : null;
    }

    private static readonly Dictionary<string, Complex> NoValues = [];

    private static bool IsRunChar(ReadOnlySpan<char> s, int i) => s[i] switch
    {
        >= '0' and <= '9' or ' ' or '\t' or '+' or '-' or '*' or '/' or '^' or '(' or ')' => true,
        '.' => i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]),
        _ => false,
    };

    /// <summary>Opening brackets less closing ones.</summary>
    private static int Depth(ReadOnlySpan<char> text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }

        return depth;
    }

    [GeneratedRegex(@"^\s*\((?<n>\d+(?:\.\d+)?)/100\)\s*$")]
    private static partial Regex PercentOnly();

    private static readonly System.Buffers.SearchValues<char> RelationSigns = System.Buffers.SearchValues.Create(['=', MathText.Approximately, MathText.WordEquals]);

    // "2 3": two numbers with only space between them are not one expression.
    [GeneratedRegex(@"\d\s+[\d.]")]
    private static partial Regex Adjacent();

    [GeneratedRegex(@"^\s*-?\d+(?:\.\d+)?\s*$")]
    private static partial Regex LoneNumber();
}
