using System.Diagnostics;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// drp as a user installs it: <c>dotnet publish src/Drp.Cli -c Release</c> (compiled ahead of time for this machine),
/// into bench/bin/drp; published once per bench run.
/// </summary>
public static class PublishedDrp
{
    private static readonly Lazy<string> Published = new(Publish);

    /// <summary>The published drp.dll, to be started with <c>dotnet</c>.</summary>
    public static string Path => Published.Value;

    private static string Publish()
    {
        var output = System.IO.Path.Combine(TestPaths.RepoRoot, "bench", "bin", "drp");
        var start = new ProcessStartInfo("dotnet", ["publish", System.IO.Path.Combine(TestPaths.RepoRoot, "src", "Drp.Cli"), "-c", "Release", "-o", output, "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish src/Drp.Cli failed (exit {process.ExitCode}):\n{log}");
        }

        return System.IO.Path.Combine(output, "drp.dll");
    }
}
