using Drp.Core.Io;
using Drp.Core.Model;
using Serilog;

namespace Drp.Cli.Commands;

public static class RejectLog
{
    /// <summary>Unreadable or incomplete input is a warning (the user's data needs a look); a failed check is detail.</summary>
    public static void Write(ILogger log, DrpRecord record, Rejection rejection)
    {
        if (rejection.Stage == RecordMapper.LoadStage && rejection.Reason is RejectReasons.MalformedRecord or RejectReasons.MissingQuestion or RejectReasons.MissingTrace)
        {
            log.Warning("{Detail}", rejection.Detail);
        }
        else
        {
            log.Debug("rejected {Id} ({Reason}): {Detail}", record.Id, rejection.Reason, rejection.Detail);
        }
    }
}
