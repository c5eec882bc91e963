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
    private readonly Dictionary<string, string> firstDetail = new(StringComparer.Ordinal);

    /// <summary>The detail of the first record rejected for this reason, if any.</summary>
    public string? FirstDetail(string reason) => firstDetail.GetValueOrDefault(reason);

    public void Write(DrpRecord record, Rejection rejection)
    {
        firstDetail.TryAdd(rejection.Reason, rejection.Detail);
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
