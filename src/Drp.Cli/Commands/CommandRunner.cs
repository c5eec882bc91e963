using System.CommandLine;
using Drp.Core.Io;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>Runs a command's work with a logger, and turns what went wrong into one stderr line and an exit code.</summary>
public static class CommandRunner
{
    /// <param name="onCancel">What to say after "cancelled" (how to go on), asked when it happens; null for nothing.</param>
    public static async Task<int> RunAsync(CliConsole console, CliLog.Settings settings, Func<ILogger, Task<int>> work, Func<string?>? onCancel = null)
    {
        await using var log = CliLog.Create(console.Error, settings, console.Status);
        try
        {
            return await work(log);
        }
        catch (Core.Teachers.Llm.TeacherUnavailableException e)
        {
            log.Error("teacher: {Message}", e.Message);
            return ExitCodes.TeacherFailure;
        }
        catch (OperationCanceledException)
        {
            log.Warning("cancelled{Hint}", onCancel?.Invoke() is { } hint ? $": {hint}" : "");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is InputException or FormatException or ArgumentException)
        {
            log.Error("{Message}", e.Message);
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            log.Error("{Message}", e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            log.Fatal("unexpected failure, please report it: {Message}\n{StackTrace}", e.Message, e.StackTrace);
            return ExitCodes.Internal;
        }
    }

    /// <summary>For <c>drp run</c> once its folder is claimed: that the folder keeps what was done, and the command that goes on.</summary>
    public static string? ResumeHint(ParseResult parse) =>
        parse.CommandResult.Command.Name == "run" && parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--out") is Option<string> outDir
            && parse.GetValue(outDir) is { } dir && File.Exists(Path.Combine(dir, RunDirectory.Manifest))
            ? $"{dir} keeps the records done and the teacher's answers; go on with drp run --resume {dir}"
            : null;
}
