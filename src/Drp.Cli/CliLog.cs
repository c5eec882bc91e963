using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace Drp.Cli;

/// <summary>
/// Logs go to stderr only, as <c>drp: …</c> lines for people or, with <c>--log-format json</c>, as compact JSON (one
/// event a line, CLEF); stdout carries data. Drp.Core logs through Microsoft.Extensions.Logging, bridged here.
/// </summary>
public static class CliLog
{
    /// <param name="Json">Compact JSON events instead of <c>drp: …</c> lines.</param>
    public sealed record Settings(bool Verbose = false, bool Quiet = false, bool Json = false);

    public static Logger Create(TextWriter stderr, Settings settings, TerminalStatus? status = null)
    {
        var level = settings.Verbose ? LogEventLevel.Debug : settings.Quiet ? LogEventLevel.Warning : LogEventLevel.Information;
        var configuration = new LoggerConfiguration().MinimumLevel.Is(level);
        return (settings.Json ? configuration.WriteTo.Sink(new JsonSink(stderr, status)) : configuration.WriteTo.Sink(new StderrSink(stderr, status))).CreateLogger();
    }

    /// <summary>The logger as Drp.Core takes it (Microsoft.Extensions.Logging), writing to <paramref name="log"/>.</summary>
    public static Microsoft.Extensions.Logging.ILogger ForCore(ILogger log) => new SerilogLoggerFactory(log).CreateLogger("drp");

    /// <summary>One compact JSON event a line, written whole under a lock (the live status line cleared first).</summary>
    private sealed class JsonSink(TextWriter output, TerminalStatus? status) : ILogEventSink
    {
        private readonly CompactJsonFormatter formatter = new();
        private readonly Lock gate = new();

        public void Emit(LogEvent logEvent)
        {
            lock (gate)
            {
                status?.Clear();
                formatter.Format(logEvent, output);
            }
        }
    }

    private sealed class StderrSink(TextWriter output, TerminalStatus? status) : ILogEventSink
    {
        private readonly Lock gate = new();

        public void Emit(LogEvent logEvent)
        {
            lock (gate)
            {
                status?.Clear();
                Write(logEvent);
            }
        }

        private void Write(LogEvent logEvent)
        {
            output.Write("drp: ");
            output.Write(logEvent.Level switch
            {
                LogEventLevel.Fatal or LogEventLevel.Error => "error: ",
                LogEventLevel.Warning => "warning: ",
                _ => "",
            });
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                if (token is TextToken text)
                {
                    output.Write(text.Text);
                }
                else if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value))
                {
                    // Strings as they are, not quoted: these are messages for people.
                    if (value is ScalarValue { Value: string plain })
                    {
                        output.Write(plain);
                    }
                    else
                    {
                        value.Render(output, property.Format, CultureInfo.InvariantCulture);
                    }
                }
            }

            output.Write('\n');
        }
    }
}
