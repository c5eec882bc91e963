using System.Text.Json.Nodes;

namespace Drp.Cli.Tests;

/// <summary>Common mistakes, run as a user makes them: one line that says what is wrong and what to do, and the exit code.</summary>
public sealed class MistakeTests
{
    [Fact]
    public async Task Bare_drp_prints_the_command_list_and_does_nothing()
    {
        var result = await CliRunner.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Commands:", result.Stdout);
        Assert.Contains("run <input>", result.Stdout);
    }

    [Theory]
    [InlineData("runn x", "drp: error: unknown command 'runn'; did you mean run? (see drp --help)")]
    [InlineData("stat x", "drp: error: unknown command 'stat'; did you mean stats or status? (see drp --help)")]
    [InlineData("run x -o y", "drp: error: unknown option -o; did you mean --out? (see drp run --help)")]
    [InlineData("run x --out y --concurency 3", "drp: error: unknown option --concurency; did you mean --concurrency? (see drp run --help)")]
    [InlineData("run x --out y --input-format xml", "drp: error: --input-format takes auto, jsonl, json, csv or parquet, not 'xml' (see drp run --help)")]
    [InlineData("export x --format zz", "drp: error: --format takes sft-jsonl, sharegpt, messages or prompt-completion, not 'zz' (see drp export --help)")]
    [InlineData("run a b --out c", "drp: error: unexpected argument 'b' (see drp run --help)")]
    public async Task A_mistyped_command_option_or_value_gets_one_line_that_names_what_was_meant(string args, string stderr)
    {
        var result = await CliRunner.RunAsync(args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(stderr + "\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(false, "or join a benchmark's answers by question with --gold FILE")]
    [InlineData(true, "and the question is not in the --gold file")]
    public async Task A_run_without_any_gold_warns_without_v_and_exits_4(bool withGoldFile, string hint)
    {
        using var dir = new TempDir();
        var noGold = File.ReadLines(TestPaths.SampleFile).Take(3).Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            record.Remove("answer");
            return record.ToJsonString();
        });
        var input = dir.Write("nogold.jsonl", string.Join("\n", noGold) + "\n");
        var gold = dir.Write("gold.jsonl", "{\"question\": \"What is 2 + 2?\", \"answer\": \"4\"}\n");
        string[] args = withGoldFile ? ["run", input, "--out", dir.File("out"), "-q", "--gold", gold] : ["run", input, "--out", dir.File("out"), "-q"];

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("drp: warning: no record exported: 3 of 3 rejected as missing_gold; the first: ", result.Stderr);
        Assert.Contains("nogold.jsonl:1: no gold field", result.Stderr);
        Assert.Contains(hint, result.Stderr);
    }

    [Fact]
    public async Task Out_naming_a_file_says_that_out_is_a_folder()
    {
        using var dir = new TempDir();
        var file = dir.Write("train.jsonl", "");

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"drp: error: --out {file} is a file; --out names the folder the run writes into\n", result.Stderr);
    }

    [Fact]
    public async Task A_run_folder_of_another_input_is_refused_unless_force()
    {
        using var dir = new TempDir();
        var other = dir.Write("other.jsonl", string.Join("\n", File.ReadLines(TestPaths.SampleFile).Take(2)) + "\n");
        Assert.Equal(0, (await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "-q")).ExitCode);
        var train = File.ReadAllText(dir.File("run/train.jsonl"));

        var again = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "-q");
        var refused = await CliRunner.RunAsync("run", other, "--out", dir.File("run"), "-q");
        Assert.Equal(train, File.ReadAllText(dir.File("run/train.jsonl")));
        var forced = await CliRunner.RunAsync("run", other, "--out", dir.File("run"), "-q", "--force");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"drp: error: {dir.File("run")} holds a run of another input ({TestPaths.SampleFile}); give another --out, or --force to replace that run\n", refused.Stderr);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, File.ReadAllLines(dir.File("run/train.jsonl")).Length);
    }

    [Fact]
    public async Task A_run_whose_input_cannot_be_read_leaves_its_folder_unclaimed_so_the_corrected_run_goes_ahead()
    {
        using var dir = new TempDir();
        var malformed = dir.Write("malformed.json", "{\"tasks\": [{\"question\": \"q\", \"trace\"");

        var mistyped = await CliRunner.RunAsync("run", TestPaths.SampleFile + "x", "--out", dir.File("run"), "-q");
        var unreadable = await CliRunner.RunAsync("run", malformed, "--out", dir.File("run"), "-q");
        var corrected = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "-q");

        Assert.Equal(2, mistyped.ExitCode);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Equal(0, corrected.ExitCode);
        Assert.Equal(12, File.ReadAllLines(dir.File("run/train.jsonl")).Length);
    }

    [Fact]
    public async Task Merge_refuses_missing_repeated_unrelated_or_differently_run_shards()
    {
        using var dir = new TempDir();
        var other = dir.Write("other.jsonl", string.Join("\n", File.ReadLines(TestPaths.SampleFile).Take(4)) + "\n");
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(0, (await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File($"s{k}"), "--shard", $"{k}/3", "-q")).ExitCode);
        }

        await CliRunner.RunAsync("run", other, "--out", dir.File("other"), "--shard", "2/3", "-q");
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("boxed"), "--shard", "2/3", "--bad-final-answer", "reject", "-q");
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("whole"), "-q");
        Task<CliRunner.Result> Merge(params string[] shards) => CliRunner.RunAsync(["merge", "--out", dir.File("merged"), .. shards.Select(dir.File)]);

        var cases = new (string[] Shards, string Error)[]
        {
            (["s0", "s1"], "drp: error: shard 2/3 missing: merge needs every shard of the run, 0/3 to 2/3"),
            (["s0", "s1", "s1", "s2"], $"drp: error: shard 1/3 is given twice ({dir.File("s1")}, {dir.File("s1")})"),
            (["s0", "s1", "other"], $"drp: error: {dir.File("other")} is a run of {other}, {dir.File("s0")} of {TestPaths.SampleFile}: only shards of one input are merged"),
            (["s0", "s1", "boxed"], $"drp: error: {dir.File("boxed")} ran with \"--bad-final-answer reject\", {dir.File("s0")} with \"\": the shards of one run share their options"),
            (["s0", "whole"], $"drp: error: {dir.File("whole")} is not a shard (its run had no --shard): merge joins the runs of --shard K/N"),
        };
        foreach (var (shards, error) in cases)
        {
            var result = await Merge(shards);
            Assert.True(result.ExitCode == 2, result.Stderr);
            Assert.Equal(error + "\n", result.Stderr);
            Assert.False(Directory.Exists(dir.File("merged")));
        }

        Assert.Equal(0, (await Merge("s2", "s0", "s1")).ExitCode);
    }

    [Fact]
    public async Task Status_stats_and_report_take_a_run_folder_or_its_files_and_say_what_they_expected()
    {
        using var dir = new TempDir();
        var run = dir.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", run, "-q")).ExitCode);
        Directory.CreateDirectory(dir.File("notrun"));

        foreach (var command in new[] { "status", "report" })
        {
            Assert.Equal(0, (await CliRunner.RunAsync(command, run)).ExitCode);
            Assert.Equal(0, (await CliRunner.RunAsync(command, Path.Combine(run, "train.jsonl"))).ExitCode);
            var notRun = await CliRunner.RunAsync(command, dir.File("notrun"));
            Assert.Equal(2, notRun.ExitCode);
            Assert.Equal($"drp: error: {dir.File("notrun")} is not a run folder (no manifest.json, validated.jsonl or summary.json): name the folder drp run --out wrote\n", notRun.Stderr);
        }

        var folder = await CliRunner.RunAsync("stats", run, "--format", "json");
        Assert.Equal(0, folder.ExitCode);
        Assert.Contains("\"exported\": 12", folder.Stdout);
        foreach (var notRecords in new[] { Path.Combine(run, "train.jsonl"), TestPaths.SampleFile })
        {
            var result = await CliRunner.RunAsync("stats", notRecords);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"drp: error: {notRecords}: none of its ", result.Stderr);
            Assert.Contains("stats reads what drp writes (pruned.jsonl, validated.jsonl, or the run folder)", result.Stderr);
        }
    }

    [Fact]
    public async Task Exporting_records_never_validated_says_to_validate_first_and_exits_4()
    {
        using var dir = new TempDir();
        var pruned = dir.File("pruned.jsonl");
        var decomposed = (await CliRunner.RunAsync("decompose", TestPaths.SampleFile)).Stdout;
        File.WriteAllText(pruned, (await CliRunner.RunWithStdinAsync(decomposed, "prune", "-")).Stdout);

        var result = await CliRunner.RunAsync("export", pruned, "-o", dir.File("train.jsonl"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("drp: warning: 13 of 15 records were never validated, so not exported: run drp validate on them first (drp validate FILE | drp export -)", result.Stderr);
    }

    [Fact]
    public async Task Every_commands_help_ends_with_examples_and_the_exit_codes_and_shows_jobs_only_where_records_run_in_parallel()
    {
        var root = CliApp.CreateRootCommand(new CliConsole(() => Stream.Null, TextWriter.Null, TextWriter.Null));
        foreach (var command in root.Subcommands.Select(c => c.Name).Prepend(""))
        {
            var result = await CliRunner.RunAsync([.. new[] { command }.Where(c => c.Length > 0), "--help"]);

            Assert.Equal(0, result.ExitCode);
            var examples = result.Stdout.IndexOf("\nExamples:\n  drp ", StringComparison.Ordinal);
            Assert.True(examples > 0, $"drp {command} --help has no examples");
            Assert.EndsWith("130 cancelled, 1 a failure inside drp (please report it)\n", result.Stdout);
            var jobs = result.Stdout.Contains("--jobs");
            Assert.True(jobs == command is "decompose" or "prune" or "validate" or "run" or "grade", $"drp {command}: --jobs shown: {jobs}");
            Assert.True(result.Stdout.Contains("requests in flight (default 8)") == command is "decompose" or "prune" or "run", $"drp {command}: LLM concurrency");
        }
    }

    [Fact]
    public async Task A_stage_that_passes_no_record_says_why_and_exits_4()
    {
        var result = await CliRunner.RunAsync("prune", TestPaths.SampleFile);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("drp: warning: no record passed prune: 13 of 15 rejected as no_steps; the first: no steps: run drp decompose first", result.Stderr);
    }
}
