using System.Globalization;
using System.Text;
using Drp.Core.Io;

namespace Drp.Core.Stats;

/// <summary>Writes statistics as an aligned text table, a Markdown table, or JSON.</summary>
public static class StatsFormatter
{
    public static readonly IReadOnlyList<string> Formats = ["table", "md", "json"];

    public static string Format(IReadOnlyList<SetStats> sets, string format) => format switch
    {
        "json" => StatsJson.Serialize([.. sets]),
        "md" => Markdown(sets),
        _ => Table(sets),
    };

    private static readonly string[] Headers =
    [
        "set", "records", "pruned", "tokens before mean/median/p90/max", "tokens after mean/median/p90/max", "keep ratio (total, mean)",
        "long tail before/after", "steps/trace", "rejected",
    ];

    private static string[] Row(SetStats s)
    {
        var c = CultureInfo.InvariantCulture;
        static string D(Distribution d) => string.Create(CultureInfo.InvariantCulture, $"{d.Mean:F1}/{d.Median:F0}/{d.P90:F0}/{d.Max:F0}");
        return
        [
            s.Name, s.Records.ToString(c), s.Exported.ToString(c), D(s.TokensBefore), D(s.TokensAfter),
            string.Create(c, $"{s.KeepRatio:F3}, {s.KeepRatios.Mean:F3}"), string.Create(c, $"{s.LongTailBefore:P1}/{s.LongTailAfter:P1}").Replace(" ", ""),
            s.StepsPerTrace.ToString("F1", c),
            s.RejectedByReason.Count == 0 ? "-" : string.Join(", ", s.RejectedByReason.Select(r => $"{r.Key} {r.Value}")),
        ];
    }

    private static string Table(IReadOnlyList<SetStats> sets)
    {
        var rows = sets.Select(Row).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        AppendActions(builder, sets, markdown: false);
        builder.AppendLine($"tokens: {string.Join(", ", sets.Select(s => s.Tokenizer).Distinct())}; long tail: share of traces over twice the median length");
        return builder.ToString();
    }

    private static string Markdown(IReadOnlyList<SetStats> sets)
    {
        var builder = new StringBuilder();
        builder.AppendLine($"| {string.Join(" | ", Headers)} |");
        builder.AppendLine($"|{string.Concat(Headers.Select((_, i) => i is 0 or 8 ? "---|" : "---:|"))}");
        foreach (var set in sets)
        {
            builder.AppendLine($"| {string.Join(" | ", Row(set))} |");
        }

        builder.AppendLine();
        AppendActions(builder, sets, markdown: true);
        return builder.ToString();
    }

    /// <summary>The actions on the steps of each skill, over the last set (the total when there are several).</summary>
    private static void AppendActions(StringBuilder builder, IReadOnlyList<SetStats> sets, bool markdown)
    {
        var set = sets[^1];
        if (set.ActionsBySkill.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        string[] actions = ["keep", "compress", "merge", "delete"];
        builder.AppendLine(markdown ? $"Actions by skill ({set.Name}):" : $"actions by skill ({set.Name}):");
        if (markdown)
        {
            builder.AppendLine("| skill | keep | compress | merge | delete |");
            builder.AppendLine("|---|---:|---:|---:|---:|");
        }

        foreach (var (skill, shares) in set.ActionsBySkill)
        {
            var cells = actions.Select(a => (shares.GetValueOrDefault(a) * 100).ToString("F0", c) + "%");
            builder.AppendLine(markdown ? $"| {skill} | {string.Join(" | ", cells)} |" : $"  {skill,-26} {string.Join("  ", actions.Zip(cells, (a, v) => $"{a} {v,4}"))}");
        }
    }
}
