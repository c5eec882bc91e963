namespace Drp.Cli.Tests;

/// <summary>
/// The training file drp makes from the samples, compared with the accepted one in Golden/. After a deliberate change
/// to the teacher, look at the diff and accept the new output with DRP_ACCEPT_GOLDEN=1 dotnet test.
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public async Task The_samples_train_file_equals_the_golden_file()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);
        var actual = File.ReadAllText(dir.File("train.jsonl"));
        var golden = Path.Combine(TestPaths.RepoRoot, "tests", "Drp.Cli.Tests", "Golden", "samples.train.jsonl");

        if (Environment.GetEnvironmentVariable("DRP_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        Assert.True(File.Exists(golden), $"no golden file yet: run DRP_ACCEPT_GOLDEN=1 dotnet test to create {golden}");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
