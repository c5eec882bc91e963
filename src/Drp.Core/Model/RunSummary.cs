namespace Drp.Core.Model;

/// <summary>What <c>summary.json</c> holds at the end of a run.</summary>
public sealed record RunSummary(
    int RecordsIn,
    int Exported,
    int Rejected,
    IReadOnlyDictionary<string, int> RejectedByReason,
    double TokensOriginalMean,
    double TokensPrunedMean,
    double KeepRatio,
    double StepsPerTrace,
    IReadOnlyDictionary<string, int> Actions,
    string Teacher,
    string Tokenizer);
