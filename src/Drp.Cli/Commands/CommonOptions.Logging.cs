using System.CommandLine;

namespace Drp.Cli.Commands;

/// <summary>The options that say how much is logged, and in which form.</summary>
public sealed partial class CommonOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log every rejected record and more" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Log warnings and errors only" };

    public Option<string> LogFormat { get; } = new Option<string>("--log-format")
    {
        Description = "text (drp: lines for people) or json (compact JSON, one event a line, for CI and log collectors)",
        DefaultValueFactory = _ => "text",
    }.OneOf("text", "json");

    public void AddLoggingTo(Command command)
    {
        command.Options.Add(Verbose);
        command.Options.Add(Quiet);
        command.Options.Add(LogFormat);
    }

    /// <summary>The live status line on stderr, unless -q or JSON logs (whose lines a collector parses) ask for none.</summary>
    public TerminalStatus? LiveStatus(CliConsole console, ParseResult parse) =>
        parse.GetValue(Quiet) || parse.GetValue(LogFormat) == "json" ? null : console.Status;

    /// <summary>Runs a command's work with the logging its -v/-q/--log-format ask for; see <see cref="CommandRunner"/>.</summary>
    public Task<int> RunAsync(CliConsole console, ParseResult parse, Func<Serilog.ILogger, Task<int>> work) =>
        CommandRunner.RunAsync(console, new CliLog.Settings(parse.GetValue(Verbose), parse.GetValue(Quiet), parse.GetValue(LogFormat) == "json"), log =>
        {
            CheckInputGiven(console, parse);
            return work(log);
        }, () => CommandRunner.ResumeHint(parse));
}
