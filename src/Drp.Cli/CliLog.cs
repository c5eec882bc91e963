using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Drp.Cli;

/// <summary>Logs go to stderr only, as <c>drp: …</c> lines; stdout carries data.</summary>
public static class CliLog
{
    public static Logger Create(TextWriter stderr, bool verbose, bool quiet, TerminalStatus? status = null)
    {
        var level = verbose ? LogEventLevel.Debug : quiet ? LogEventLevel.Warning : LogEventLevel.Information;
        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Sink(new StderrSink(stderr, status))
            .CreateLogger();
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
