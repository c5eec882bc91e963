using System.Diagnostics;

namespace Drp.Cli.Tests;

/// <summary>The real drp process with a test key, SIGKILLed the moment a condition holds (for tests of kills and resumes).</summary>
public static class KilledDrp
{
    /// <summary>Runs drp; SIGKILLs it as soon as <paramref name="killWhen"/> holds. Returns the exit code, -9 when killed.</summary>
    public static async Task<int> RunAsync(string[] args, Func<bool>? killWhen)
    {
        var start = new ProcessStartInfo("dotnet", args) { RedirectStandardError = true, UseShellExecute = false };
        start.Environment["OPENAI_API_KEY"] = "sk-test";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        while (killWhen is not null && !process.HasExited)
        {
            if (killWhen())
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return -9;
            }

            await Task.Delay(5);
        }

        await process.WaitForExitAsync();
        var stderr = await errors;
        Assert.True(process.ExitCode == 0, stderr);
        return process.ExitCode;
    }
}
