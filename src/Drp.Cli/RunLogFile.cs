using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Drp.Cli;

/// <summary>
/// The run's own log, <c>DIR/run.log</c>: every event of <c>drp run</c> at information and above (retries and their
/// waits, batch states, rejections, the summary), as compact JSON, one event a line, appended by a resumed run. The
/// folder is only written once the run claims it (<see cref="Open"/>); events before that are kept and written then.
/// </summary>
public sealed class RunLogFile : ILogEventSink, IAsyncDisposable
{
    public const string FileName = "run.log";

    private readonly Lock gate = new();
    private readonly List<LogEvent> pending = [];
    private Logger? file;

    private RunLogFile()
    {
    }

    /// <summary>A logger that writes to <paramref name="log"/> as it does, and to the run log.</summary>
    public static (ILogger Log, RunLogFile File) Beside(ILogger log)
    {
        var runLog = new RunLogFile();
        var both = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Logger(log).WriteTo.Sink(runLog, LogEventLevel.Information).CreateLogger();
        return (both, runLog);
    }

    /// <summary>Starts writing to <c>run.log</c> in <paramref name="directory"/>, the events so far first.</summary>
    public void Open(string directory)
    {
        lock (gate)
        {
            file ??= new LoggerConfiguration().MinimumLevel.Verbose()
                .WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, FileName), flushToDiskInterval: TimeSpan.FromSeconds(1))
                .CreateLogger();
            pending.ForEach(file.Write);
            pending.Clear();
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            if (file is null)
            {
                pending.Add(logEvent);
            }
            else
            {
                file.Write(logEvent);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (file is not null)
        {
            await file.DisposeAsync();
        }
    }
}
