using Drp.Core.Export;
using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>Counts what happened to the records of a run, for summary.json and the closing log line.</summary>
public sealed class SummaryBuilder(string teacher, string tokenizer)
{
    private readonly SortedDictionary<string, int> rejectedByReason = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> answersReplaced = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> findings = new(StringComparer.Ordinal);
    private readonly Hygiene.ContaminationTally contaminated = new();
    private int recordsIn;
    private int? longestLine;
    private int exported;
    private long tokensOriginal;
    private long tokensPruned;
    private long steps;

    public void Add(DrpRecord record)
    {
        recordsIn++;
        if (record.Tokens?.Line is { } line)
        {
            longestLine = Math.Max(longestLine ?? 0, line);
        }

        foreach (var finding in record.Validation?.Findings ?? [])
        {
            findings[finding.Kind] = findings.GetValueOrDefault(finding.Kind) + 1;
        }

        contaminated.Add(record);
        if (record.Rejected is { } rejection)
        {
            rejectedByReason[rejection.Reason] = rejectedByReason.GetValueOrDefault(rejection.Reason) + 1;
            return;
        }

        if (!ExportStage.IsExportable(record))
        {
            return;
        }

        exported++;
        if (record.Validation?.AnswerReplaced is { } replaced)
        {
            answersReplaced[replaced] = answersReplaced.GetValueOrDefault(replaced) + 1;
        }

        tokensOriginal += record.Tokens?.Original ?? 0;
        tokensPruned += record.Tokens?.Pruned ?? 0;
        steps += record.Steps?.Count ?? 0;
        foreach (var action in record.Pruned!.Actions)
        {
            actions[action.Action] = actions.GetValueOrDefault(action.Action) + action.Steps.Count;
        }
    }

    public RunSummary Build() => new(
        recordsIn,
        exported,
        rejectedByReason.Values.Sum(),
        new Dictionary<string, int>(rejectedByReason),
        Mean(tokensOriginal, exported),
        Mean(tokensPruned, exported),
        tokensOriginal == 0 ? 0 : Math.Round(tokensPruned / (double)tokensOriginal, 4),
        Mean(steps, exported),
        new Dictionary<string, int>(actions),
        new Dictionary<string, int>(answersReplaced),
        teacher,
        tokenizer)
    {
        Faithfulness = new Dictionary<string, int>(findings),
        Contaminated = contaminated.Counts.Count == 0 ? null : new Dictionary<string, int>(contaminated.Counts),
        LongestLine = longestLine,
    };

    private static double Mean(long total, int count) => count == 0 ? 0 : Math.Round(total / (double)count, 1);
}
