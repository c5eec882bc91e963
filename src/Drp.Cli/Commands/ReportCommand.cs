using System.CommandLine;
using Drp.Core.Stats;

namespace Drp.Cli.Commands;

/// <summary><c>drp report DIR</c>: (re)writes the self-contained report.html of a run directory.</summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var dir = new Argument<string>("dir") { Description = "A run directory (drp run --out DIR), or a file in it" };
        var command = new Command("report", "Write DIR/report.html: charts of tokens, keep ratios, actions by skill, rejects, and examples before and after") { dir };
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var path = await HtmlReport.WriteAsync(RunFolderArgument.Resolve(parse.GetValue(dir)!), ct);
            log.Information("wrote {Path}", path);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
