using System.Text;

namespace Drp.Cli.Tests;

/// <summary>Mistakes a new user makes, each answered in drp's words, naming the file or option and the fix, with exit code 2 and nothing written.</summary>
public sealed class PlainWordsTests
{
    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["run", "{sample}", "--out", "{dir}/afile/sub"], "--out {dir}/afile/sub: {dir}/afile is a file, not a folder" },
        { ["export", "{sample}", "-o", "{dir}/afile/train.jsonl"], "{dir}/afile/train.jsonl: {dir}/afile is a file, not a folder" },
        { ["validate", "{sample}", "-o", "{dir}/adir"], "{dir}/adir is a folder: name a file to write in it" },
        { ["run", "{sample}", "--out", "{dir}/r", "--config", "{dir}/bad.json"], "--config {dir}/bad.json: not valid JSON at line 2, column 1: the text ends inside an object or array (cut off?)" },
        { ["merge", "--out", "{dir}/m"], "missing shards: Run directories of shards" },
        { ["run", "{sample}", "--outdir", "{dir}/r"], "unknown option --outdir; did you mean --out?" },
        { ["run", "{sample}", "--ouput", "{dir}/r"], "unknown option --ouput; did you mean --out?" },
        { ["run", "{sample}", "--out", "{dir}/r", "--fail-on-reject-rate", "10"], "--fail-on-reject-rate is a share from 0 to 1 (0.1 for 10%), not 10" },
        { ["run", "{sample}", "--out", "{dir}/r", "--input-format", "csv"], "no CSV header (the file is empty, or not CSV: a JSON or JSON Lines file is read without --input-format csv)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_gets_a_message_that_names_it_and_the_fix(string[] args, string expected)
    {
        using var dir = new TempDir();
        dir.Write("afile", "a file");
        Directory.CreateDirectory(dir.File("adir"));
        dir.Write("bad.json", "{\"teacher\": \"heuristic\",\n");
        string Fill(string s) => s.Replace("{dir}", dir.Path).Replace("{sample}", TestPaths.SampleFile);
        var before = Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Order().ToList();

        var result = await CliRunner.RunAsync([.. args.Select(Fill)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Fill(expected), result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public async Task A_command_given_no_input_at_a_keyboard_says_so_rather_than_wait()
    {
        using var dir = new TempDir();
        var console = new CliConsole(() => throw new InvalidOperationException("read the keyboard"), TextWriter.Null, new StringWriter(), InputIsTerminal: true);

        var exitCode = await CliApp.RunAsync(["run", "--out", dir.File("r")], console);

        Assert.Equal(2, exitCode);
        Assert.Contains("no input: name a file or folder (drp run traces.jsonl …), or give - and pipe the records in", console.Error.ToString());
        Assert.False(Directory.Exists(dir.File("r")));
    }

    [Fact]
    public async Task A_parquet_file_with_another_name_is_read_as_parquet()
    {
        using var dir = new TempDir();
        var parquet = dir.File("records.dat");
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "--parquet", "-q");
        File.Copy(Path.Combine(dir.File("run"), "train.parquet"), parquet);

        var result = await CliRunner.RunAsync("validate", parquet, "-q");

        Assert.DoesNotContain("expected JSON records", result.Stderr);
        Assert.Equal(12, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(Encoding.ASCII.GetBytes("PAR1"), File.ReadAllBytes(parquet)[..4]);
    }

    [Fact]
    public async Task Grading_records_without_gold_says_so_instead_of_zero_percent()
    {
        using var dir = new TempDir();
        var noGold = dir.Write("nogold.jsonl", string.Join("\n", File.ReadLines(TestPaths.SampleFile)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject()).Select(o => { o.Remove("answer"); return o.ToJsonString(); })) + "\n");

        var result = await CliRunner.RunAsync("grade", noGold, "-o", dir.File("graded.jsonl"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("nogold: none of its 15 records has a gold answer to grade against: map one with --map gold=PATH, or join a benchmark's with --gold FILE", result.Stderr);
        Assert.DoesNotContain("0.0%", result.Stderr);
    }

    [Fact]
    public async Task A_run_cancelled_once_under_way_says_how_to_go_on()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(TestPaths.SampleFile);
        var input = dir.Write("many.jsonl", string.Join("\n", Enumerable.Range(0, 20_000).Select(i =>
        {
            var record = System.Text.Json.Nodes.JsonNode.Parse(lines[i % lines.Length])!.AsObject();
            record["id"] = $"r{i}";
            return record.ToJsonString();
        })) + "\n");
        var error = new StringWriter();
        using var cancel = new CancellationTokenSource();

        var run = CliApp.RunAsync(["run", input, "--out", dir.File("run")], new CliConsole(() => Stream.Null, TextWriter.Null, error), cancel.Token);
        while (!File.Exists(Path.Combine(dir.File("run"), "manifest.json")) && !run.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        Assert.Equal(130, await run);
        Assert.Contains($"cancelled: {dir.File("run")} keeps the records done and the teacher's answers; go on with drp run --resume {dir.File("run")}", error.ToString());
    }
}
