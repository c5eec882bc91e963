namespace Drp.Cli.Tests;

/// <summary>The CLI parses options, calls Core and reports: none of its files grows past 100 lines.</summary>
public sealed class ThinCommandsTests
{
    private const int MaxLines = 100;

    [Fact]
    public void No_file_of_the_cli_is_over_100_lines()
    {
        var cli = Path.Combine(TestPaths.RepoRoot, "src", "Drp.Cli");
        var tooLong = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(cli, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "files over 100 lines:\n" + string.Join("\n", tooLong));
    }
}
