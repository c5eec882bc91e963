namespace Drp.Core.Stats;

/// <summary>What <c>drp stats</c> reports for one file, or for all of them. <see cref="Exported"/>: pruned and not rejected.</summary>
public sealed record SetStats(
    string Name,
    int Records,
    int Exported,
    IReadOnlyDictionary<string, int> RejectedByReason,
    string Tokenizer,
    Distribution TokensBefore,
    Distribution TokensAfter,
    double KeepRatio,
    Distribution KeepRatios,
    double LongTailBefore,
    double LongTailAfter,
    double StepsPerTrace,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ActionsBySkill);
