using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Tests.Io;

/// <summary>manifest.json is one typed record, written and read back in one place.</summary>
public sealed class RunManifestTests
{
    [Fact]
    public async Task A_manifest_reads_back_as_written()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in.jsonl");
        await File.WriteAllTextAsync(input, "{\"a\": 1}\n{\"a\": 2}");
        var written = RunManifest.Of(["run", input, "--out", dir.Path], "openai", "v3", new Price(2.5, 1.25, 10), await InputFile.DescribeAsync(input, default));

        await written.WriteAsync(dir.Path);
        var read = RunManifest.Read(dir.Path)!;

        Assert.Equal(written with { Args = [] }, read with { Args = [] });
        Assert.Equal(written.Args, read.Args);
        Assert.Equal(2, read.Input.Lines);
        Assert.Equal(17, read.Input.Bytes);
        Assert.Equal(64, read.Input.Sha256!.Length);
        var json = await File.ReadAllTextAsync(Path.Combine(dir.Path, RunDirectory.Manifest));
        Assert.True(json.IndexOf("\"drp_version\"", StringComparison.Ordinal) < json.IndexOf("\"command\"", StringComparison.Ordinal));
        Assert.Contains("\"price_per_million_tokens\": {\n    \"input\": 2.5,\n    \"cached_input\": 1.25,\n    \"output\": 10\n  }", json);
    }

    [Fact]
    public async Task A_manifest_of_an_older_run_reads_with_what_it_has()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, RunDirectory.Manifest),
            """{"command": "run in.jsonl --out x", "args": ["run", "in.jsonl", "--out", "x"], "teacher": "heuristic", "prompt_version": null, "input": {"path": "in.jsonl"}}""");

        var read = RunManifest.Read(dir.Path)!;

        Assert.Equal("heuristic", read.Teacher);
        Assert.Null(read.WorkingDirectory);
        Assert.Null(read.PricePerMillionTokens);
    }

    [Fact]
    public async Task A_broken_manifest_is_an_error_naming_the_file_and_no_manifest_is_none()
    {
        using var dir = new TempDir();
        Assert.Null(RunManifest.Read(dir.Path));

        await File.WriteAllTextAsync(Path.Combine(dir.Path, RunDirectory.Manifest), "{\"command\": ");
        var error = Assert.Throws<InputException>(() => RunManifest.Read(dir.Path));

        Assert.Contains(Path.Combine(dir.Path, RunDirectory.Manifest), error.Message);
    }
}
