using System.Globalization;
using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>The quantities a text mentions, in one canonical spelling (no thousands commas, no trailing zeros).</summary>
internal static partial class Numbers
{
    public static List<string> In(ReadOnlySpan<char> text)
    {
        var numbers = new List<string>();
        foreach (var match in NumberPattern().EnumerateMatches(text))
        {
            numbers.Add(Canonical(text.Slice(match.Index, match.Length)));
        }

        return numbers;
    }

    /// <summary>
    /// The quantities a text works with: <see cref="In"/> without those it names only to set aside ("16 miles, not
    /// 480", "instead of 15 hours").
    /// </summary>
    public static List<string> Used(string text) => In(SetsAside(text) ? SetAside().Replace(text, "") : text);

    public static bool SetsAside(string text) => SetAside().IsMatch(text);

    /// <summary>"1,050" → "1050"; "4.50" → "4.5"; "60.0" → "60".</summary>
    public static string Canonical(ReadOnlySpan<char> number)
    {
        if (number.Length > 0 && number[0] is >= '1' and <= '9' && !number.ContainsAny(',', '.'))
        {
            return number.ToString();
        }

        var s = number.ToString().Replace(",", "");
        if (s.Contains('.'))
        {
            s = s.TrimEnd('0').TrimEnd('.');
        }

        s = s.TrimStart('0');
        return s.Length == 0 || s[0] == '.' ? "0" + s : s;
    }

    /// <summary>
    /// The same quantity written to fewer decimals, rounded or cut ("0.0049875417" → "0.0049875", "0.004988", …), while
    /// four significant digits are left: "So, ln(1.005) ≈ 0.0049875" uses the sum it rounds.
    /// </summary>
    public static IEnumerable<string> Shortened(string canonical)
    {
        var point = canonical.IndexOf('.');
        if (point < 0 || !decimal.TryParse(canonical, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            yield break;
        }

        for (var decimals = canonical.Length - point - 2; decimals >= 0; decimals--)
        {
            foreach (var mode in RoundedOrCut)
            {
                // "12.0049875" to two decimals is "12": too short to say it is the same quantity.
                var shorter = Canonical(Math.Round(value, decimals, mode).ToString(CultureInfo.InvariantCulture));
                if (SignificantDigits(shorter) < MinSignificantDigits)
                {
                    yield break;
                }

                yield return shorter;
            }
        }
    }

    private static readonly MidpointRounding[] RoundedOrCut = [MidpointRounding.AwayFromZero, MidpointRounding.ToZero];

    private static int SignificantDigits(string canonical) => canonical.Replace(".", "").TrimStart('0').Length;

    private const int MinSignificantDigits = 4;

    /// <summary>
    /// The quantities a text works out itself, from an operation before them ("54 minus 4 is 50", "31 + 23 = 54"):
    /// the text says where they came from.
    /// </summary>
    public static HashSet<string> ComputedIn(string text)
    {
        var computed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Computed().Matches(text))
        {
            computed.Add(Canonical(match.Groups["result"].ValueSpan));
        }

        return computed;
    }

    /// <summary>The operations a text works out (see <see cref="Operation"/>).</summary>
    public static List<Operation> Computations(string text)
    {
        var computations = new List<Operation>();
        foreach (Match match in Computed().Matches(text))
        {
            if (EndsChain(text, match.Index))
            {
                continue;
            }

            var (a, b) = (Canonical(match.Groups["a"].ValueSpan), Canonical(match.Groups["b"].ValueSpan));
            var op = Operator(match.Groups["op"].Value);
            if (op is '+' or '*' && string.CompareOrdinal(a, b) > 0)
            {
                (a, b) = (b, a);
            }

            computations.Add(new Operation(a, op, b, Canonical(match.Groups["result"].ValueSpan)));
        }

        return computations;
    }

    /// <summary>"2 + 1 + 4 + 8 = 15" works out no "4 + 8 = 15": the operand after an operation is not the first of one.</summary>
    private static bool EndsChain(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before is [.., '+' or '-' or '*' or '/' or '×' or '÷' or '^'] && before[..^1].TrimEnd() is [.., >= '0' and <= '9' or ')'];
    }

    private static char Operator(string written) => written.ToLowerInvariant() switch
    {
        "+" or "plus" => '+',
        "-" or "minus" => '-',
        "/" or "÷" or "divided by" => '/',
        _ => '*',
    };

    /// <summary>Numbers too common to say where a quantity came from.</summary>
    public static bool IsTrivial(string canonical) => canonical is "0" or "1";

    /// <summary>
    /// Whole numbers up to 12 and the constants of units and percentages (60 minutes, 24 hours, 100, 360 degrees…):
    /// they turn up in any step ("16 / 2", "t/60"), so they do not say which step a quantity came from.
    /// </summary>
    public static bool IsCommon(string canonical) =>
        canonical.Length <= 4 && int.TryParse(canonical, out var whole) && (whole <= 12 || UnitConstants.Contains(whole));

    /// <summary>Whole numbers up to 12, 100 and 1000: any text writes them as counts without working them out.</summary>
    public static bool IsSmall(string canonical) =>
        canonical.Length <= 4 && int.TryParse(canonical, out var whole) && (whole <= 12 || whole is 100 or 1000);

    private static readonly HashSet<int> UnitConstants = [24, 60, 100, 180, 360, 1000, 3600];

    /// <summary>"12 * 4", "12 times $4": two numbers and the operation between them.</summary>
    private const string Operation =
        @"(?<![\w.])(?<a>\d[\d,]*(?:\.\d+)?)\s*(?<op>[-+*/×÷]|\\times|\\cdot|\b(?:plus|minus|times|divided by|multiplied by)\b)\s*\(?(?:\\?\$|[€£])?(?<b>\d[\d,]*(?:\.\d+)?)\)?";

    /// <summary>" = 48", ", which is $48", " gives 48": the result the operation works out.</summary>
    private const string Result =
        @"\s*(?:,?\s*(?:which|that)\s+)?(?:=|≈|\b(?:is|equals|gives|makes|would be)\b)\s*(?:\\?\$|[€£])?(?<result>\d[\d,]*(?:\.\d+)?)";

    [GeneratedRegex(Operation + Result, RegexOptions.IgnoreCase)]
    private static partial Regex Computed();

    [GeneratedRegex(@"\b(?:not|instead of|rather than)\s+(?:\$|\\\$)?\d[\d,.]*")]
    private static partial Regex SetAside();

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\w.])\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();
}
