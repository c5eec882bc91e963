using System.Globalization;

namespace Drp.Core.Model;

/// <summary>US dollars per million tokens: input, cached input, output.</summary>
public sealed record Price(double Input, double CachedInput, double Output)
{
    /// <summary>List prices of common teacher models (standard tier); <c>--price</c> overrides them.</summary>
    private static readonly IReadOnlyDictionary<string, Price> Known = new Dictionary<string, Price>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new(2.50, 1.25, 10.00),
        ["gpt-4o-mini"] = new(0.15, 0.075, 0.60),
        ["gpt-4.1"] = new(2.00, 0.50, 8.00),
        ["gpt-4.1-mini"] = new(0.40, 0.10, 1.60),
        ["gpt-4.1-nano"] = new(0.10, 0.025, 0.40),
        ["o4-mini"] = new(1.10, 0.275, 4.40),
    };

    public static Price? For(string model) => Known.GetValueOrDefault(model);

    /// <summary>Parses <c>INPUT,CACHED,OUTPUT</c> (dollars per million tokens).</summary>
    /// <exception cref="FormatException">Not three non-negative numbers.</exception>
    public static Price Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : -1).ToArray();
        return values.Length == 3 && values.All(v => v >= 0)
            ? new Price(values[0], values[1], values[2])
            : throw new FormatException($"--price: '{text}' is not INPUT,CACHED,OUTPUT in dollars per million tokens");
    }

    /// <summary>The Batch API's price: half of every rate.</summary>
    public Price Batch() => new(Input / 2, CachedInput / 2, Output / 2);

    public double Cost(StageUsage usage) =>
        ((usage.InputTokens - usage.CachedTokens) * Input + usage.CachedTokens * CachedInput + usage.OutputTokens * Output) / 1_000_000;
}
