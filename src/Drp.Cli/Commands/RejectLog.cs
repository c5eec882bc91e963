using Drp.Core.Io;
using Drp.Core.Model;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>
/// Logs rejected records where they happen. Unreadable input is a warning (the user's data needs a look), shown
/// for the first few records of each reason so a bad --map does not flood the log; a failed check is detail (-v).
/// </summary>
public sealed class RejectLog(ILogger log, bool verbose)
{
    private const int WarningsPerReason = 5;
    private readonly Dictionary<string, int> warned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, string FirstDetail)> byReason = new(StringComparer.Ordinal);

    /// <summary>
    /// When records came and none passed, a warning (without -v) with the reason most were rejected for and the first
    /// such record's detail; true then.
    /// </summary>
    public bool WarnIfNonePassed(string passed, int records, int passedCount)
    {
        if (passedCount > 0 || records == 0 || byReason.Count == 0)
        {
            return false;
        }

        var (reason, (count, detail)) = byReason.MaxBy(r => r.Value.Count);
        log.Warning("no record {Passed}: {Count} of {Records} rejected as {Reason}; the first: {Detail}", passed, count, records, reason, detail);
        return true;
    }

    public void Write(DrpRecord record, Rejection rejection)
    {
        var (rejected, first) = byReason.GetValueOrDefault(rejection.Reason);
        byReason[rejection.Reason] = (rejected + 1, first ?? rejection.Detail);
        var isInputProblem = rejection.Stage == RecordMapper.LoadStage
            && rejection.Reason is RejectReasons.MalformedRecord or RejectReasons.MissingQuestion or RejectReasons.MissingTrace or RejectReasons.DuplicateId;
        if (!isInputProblem)
        {
            log.Debug("rejected {Id} ({Reason}): {Detail}", record.Id, rejection.Reason, rejection.Detail);
            return;
        }

        var count = warned[rejection.Reason] = warned.GetValueOrDefault(rejection.Reason) + 1;
        if (verbose || count <= WarningsPerReason)
        {
            log.Warning("{Detail}", rejection.Detail);
        }
        else if (count == WarningsPerReason + 1)
        {
            log.Warning("more records rejected as {Reason}; -v shows each one", rejection.Reason);
        }
    }
}
