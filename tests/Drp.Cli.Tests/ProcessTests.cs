using System.Diagnostics;

namespace Drp.Cli.Tests;

/// <summary>The real drp executable with real pipes, as a user runs it.</summary>
public sealed class ProcessTests
{
    private static readonly string Drp = TestPaths.DrpExecutable;

    [Fact]
    public async Task Stages_piped_through_real_processes_equal_run()
    {
        using var dir = new TempDir();
        var drp = $"dotnet '{Drp}'";
        var script = $"""
            set -eo pipefail
            {drp} run '{TestPaths.SampleFile}' --out '{dir.Path}/run' -q
            {drp} decompose '{TestPaths.SampleFile}' | {drp} prune - | {drp} validate - | {drp} export - --format sft-jsonl > '{dir.Path}/piped.jsonl'
            """;

        var (exitCode, stderr) = await Bash(script);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "run", "train.jsonl")), File.ReadAllBytes(dir.File("piped.jsonl")));
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_one_stderr_line()
    {
        var (exitCode, stderr) = await Bash($"dotnet '{Drp}' validate /no/such/file.jsonl > /dev/null");

        Assert.Equal(2, exitCode);
        Assert.Equal("drp: error: /no/such/file.jsonl: file not found\n", stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stderr);
    }
}
