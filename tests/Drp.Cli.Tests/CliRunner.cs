using System.Text;
using Drp.Cli;

namespace Drp.Cli.Tests;

/// <summary>Runs the drp command line in-process, with stdin, stdout and stderr in memory.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task<Result> RunWithStdinAsync(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr);
        var exitCode = await CliApp.RunAsync(args, console);
        return new Result(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<Result> RunAsync(params string[] args) => RunWithStdinAsync("", args);
}
