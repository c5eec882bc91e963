namespace Drp.Cli.Tests;

public sealed class ExplainCommandTests
{
    [Fact]
    public async Task Run_with_explain_then_explain_shows_a_record_step_by_step_with_its_rules()
    {
        using var dir = new TempDir();
        using var plain = new TempDir();
        Assert.Equal(0, (await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--explain", "-q")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", plain.Path, "-q")).ExitCode);

        Assert.Equal(File.ReadAllText(plain.File("train.jsonl")), File.ReadAllText(dir.File("train.jsonl")));
        Assert.Contains("\"why\":[{\"step\":1,\"rule\":", File.ReadAllText(dir.File("pruned.jsonl")));
        Assert.Matches("<sup class=\"rule\" title=\"[^\"]+\">answer.checked-after</sup>", File.ReadAllText(dir.File("report.html")));
        Assert.DoesNotContain("class=\"rule\"", File.ReadAllText(plain.File("report.html")));

        var explained = await CliRunner.RunAsync("explain", dir.Path, "bakery-muffins");
        Assert.Equal(0, explained.ExitCode);
        Assert.StartsWith("record bakery-muffins: 9 steps:", explained.Stdout);
        Assert.Contains("step 5  delete  skill.not-needed: verification\n    [-Hmm, let me double-check that.", explained.Stdout);
        Assert.Contains("step 9  delete  answer.checked-after: after step 7", explained.Stdout);
    }

    [Fact]
    public async Task Explain_says_what_is_missing_an_unknown_id_a_run_without_explain_and_an_llm_teacher()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "-q");

        var unknown = await CliRunner.RunAsync("explain", dir.Path, "no-such-id");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has no record no-such-id (it holds 15 records)", unknown.Stderr);

        var withoutRules = await CliRunner.RunAsync("explain", dir.Path, "bakery-muffins");
        Assert.Equal(2, withoutRules.ExitCode);
        Assert.Contains("was pruned without --explain", withoutRules.Stderr);

        var llm = await CliRunner.RunAsync("prune", TestPaths.SampleFile, "--teacher", "openai", "--explain", "--base-url", "http://127.0.0.1:9/v1");
        Assert.Equal(2, llm.ExitCode);
        Assert.Contains("--explain names the rules of the offline teacher", llm.Stderr);
    }
}
