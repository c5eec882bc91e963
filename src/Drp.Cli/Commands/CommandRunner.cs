using Drp.Core.Io;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>Runs a command's work with a logger, and turns what went wrong into one stderr line and an exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, bool verbose, bool quiet, Func<ILogger, Task<int>> work)
    {
        await using var log = CliLog.Create(console.Error, verbose, quiet, console.Status);
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
            log.Warning("cancelled");
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
}
