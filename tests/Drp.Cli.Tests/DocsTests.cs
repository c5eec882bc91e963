using System.Text.Json;
using System.Text.RegularExpressions;

namespace Drp.Cli.Tests;

/// <summary>
/// The README and docs/ cannot drift from drp: the quick start prints the figures the README states, and every
/// <c>drp …</c> command they show goes through drp's own parser without an unknown command, option or argument.
/// </summary>
public sealed partial class DocsTests
{
    private static readonly string Readme = Path.Combine(TestPaths.RepoRoot, "README.md");

    public static TheoryData<string> DocFiles() =>
        [.. new[] { Readme }.Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f))];

    [Fact]
    public async Task The_quick_start_prints_the_figures_the_readme_states()
    {
        var readme = File.ReadAllText(Readme);
        var command = QuickStart().Match(readme);
        var stated = Stated().Match(readme);
        Assert.True(command.Success, "README.md: no quick-start command (dotnet run --project src/Drp.Cli -- run FILE --out DIR)");
        Assert.True(stated.Success, "README.md: no figures of the quick start (It prints `N records: N exported, N rejected` …)");
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", Path.Combine(TestPaths.RepoRoot, command.Groups["input"].Value), "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"drp: {stated.Groups["figures"].Value}\n", result.Stderr);
        var summary = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement;
        var reasons = Reason().Matches(stated.Groups["reasons"].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(summary.GetProperty("rejected_by_reason").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), reasons.Order(StringComparer.Ordinal));
        Assert.Equal(int.Parse(stated.Groups["lines"].Value), File.ReadAllLines(dir.File("train.jsonl")).Length);
    }

    [Theory]
    [MemberData(nameof(DocFiles))]
    public void Every_drp_command_shown_parses_without_an_unknown_command_option_or_argument(string file)
    {
        var root = CliApp.CreateRootCommand(new CliConsole(() => Stream.Null, TextWriter.Null, TextWriter.Null));
        var commands = CommandsIn(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file))).ToList();

        var wrong = commands
            .Select(c => (Command: c, Errors: root.Parse(Tokens(c)[1..]).Errors.Select(e => e.Message).Where(m => m.StartsWith("Unrecognized", StringComparison.Ordinal)).ToList()))
            .Where(c => c.Errors.Count > 0)
            .Select(c => $"{file}: {c.Command}: {string.Join("; ", c.Errors)}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(file != "README.md" || commands.Count >= 8, $"README.md shows {commands.Count} drp commands; the tour alone has more");
    }

    /// <summary>The <c>drp …</c> commands of a page: in code blocks and inline code, each up to a pipe, redirect,
    /// comment or the end of its line or span (optional parts in [brackets] taken as given).</summary>
    private static IEnumerable<string> CommandsIn(string markdown)
    {
        var code = Code().Matches(markdown.Replace("\\\n", " "))
            .Where(m => m.Groups["info"].Value is not ("text" or "json"))
            .Select(m => m.Groups["block"].Success ? m.Groups["block"].Value : m.Groups["span"].Value);
        var text = Templated().Replace(string.Join("\n", code), "X").Replace("[", "").Replace("]", "");
        foreach (Match match in Command().Matches(text))
        {
            var command = match.Value.Trim();
            if (Tokens(command) is [_, var name, ..] && char.IsAsciiLetterLower(name[0]))
            {
                yield return command;
            }
        }
    }

    /// <summary>A shell command's words: quoted strings are one word.</summary>
    private static string[] Tokens(string command) => [.. Word().Matches(command).Select(m => m.Value.Trim('"', '\''))];

    [GeneratedRegex(@"dotnet run --project src/Drp.Cli -- run (?<input>\S+) --out \S+")]
    private static partial Regex QuickStart();

    [GeneratedRegex(@"It prints `(?<figures>\d+ records: \d+ exported, \d+ rejected)` and the reasons\s+\((?<reasons>[^)]*(?:\([^)]*\)[^)]*)*)\)[\s\S]*?`train\.jsonl` \((?<lines>\d+) lines\)")]
    private static partial Regex Stated();

    [GeneratedRegex(@"`([a-z_]+)`:")]
    private static partial Regex Reason();

    /// <summary>CI templates (<c>${{ matrix.shard }}</c>) stand for one word.</summary>
    [GeneratedRegex(@"\$\{\{[^}]*\}\}")]
    private static partial Regex Templated();

    [GeneratedRegex(@"(?<![\w/.-])drp [^`|>\n#;&]*")]
    private static partial Regex Command();

    /// <summary>A fenced code block (but for text and JSON), or an inline code span.</summary>
    [GeneratedRegex(@"```(?<info>[^\n]*)\n(?<block>[\s\S]*?)```|`(?<span>[^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"""[^""]*""|'[^']*'|\S+")]
    private static partial Regex Word();
}
