using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Tests.Stages;

public sealed class PipelineTests
{
    private static readonly ITokenCounter Tokens = TokenCounters.Create("o200k");

    private static RunOptions Options(string input, string outDir) =>
        new(input, outDir, new LoadOptions(), new HeuristicTeacher(), Tokens);

    [Fact]
    public async Task Run_on_the_samples_exports_the_good_records_and_rejects_the_rest_with_reasons()
    {
        using var dir = new TempDir();

        var summary = await RunPipeline.RunAsync(Options(TestPaths.SampleFile, dir.Path));

        Assert.Equal(15, summary.RecordsIn);
        Assert.Equal(12, summary.Exported);
        Assert.Equal(1, summary.RejectedByReason[RejectReasons.IncompleteTrace]);
        Assert.Equal(1, summary.RejectedByReason[RejectReasons.MissingTrace]);
        Assert.Equal(1, summary.RejectedByReason[RejectReasons.WrongAnswer]);
        Assert.InRange(summary.KeepRatio, 0.05, 0.75);
        Assert.Equal(12, File.ReadLines(dir.File(RunDirectory.Train)).Count());
        Assert.Equal(3, File.ReadLines(dir.File(RunDirectory.Rejects)).Count());
        foreach (var name in new[] { RunDirectory.Decomposed, RunDirectory.Pruned, RunDirectory.Validated })
        {
            Assert.Equal(15, File.ReadLines(dir.File(name)).Count());
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Every_stage_on_the_file_of_the_one_before_gives_what_run_gives()
    {
        using var dir = new TempDir();
        await RunPipeline.RunAsync(Options(TestPaths.SampleFile, dir.Path));
        var teacher = new HeuristicTeacher();

        var decomposed = await Write(dir.File("d.jsonl"), Load(TestPaths.SampleFile).SelectOrderedAsync(new DecomposeStage(teacher).ProcessAsync, 2));
        var pruned = await Write(dir.File("p.jsonl"), Load(decomposed).SelectOrderedAsync(new PruneStage(teacher, Tokens).ProcessAsync, 3));
        var validated = await Write(dir.File("v.jsonl"), Load(pruned).SelectOrderedAsync((r, _) => Task.FromResult(ValidateStage.Validate(r)), 1));
        var train = new List<string>();
        await foreach (var record in Load(validated))
        {
            if (ExportStage.IsExportable(record))
            {
                train.Add(ExportStage.ToLine(record, new ExportOptions()));
            }
        }

        Assert.Equal(File.ReadAllText(dir.File(RunDirectory.Decomposed)), File.ReadAllText(decomposed));
        Assert.Equal(File.ReadAllText(dir.File(RunDirectory.Validated)), File.ReadAllText(validated));
        Assert.Equal(File.ReadAllLines(dir.File(RunDirectory.Train)), train);
    }

    [Fact]
    public async Task Exported_lines_hold_the_question_and_the_think_block_then_the_answer()
    {
        using var dir = new TempDir();
        await RunPipeline.RunAsync(Options(TestPaths.SampleFile, dir.Path));

        var first = System.Text.Json.JsonDocument.Parse(File.ReadLines(dir.File(RunDirectory.Train)).First()).RootElement;

        Assert.Equal(["instruction", "input", "output"], first.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("A bakery bakes", first.GetProperty("instruction").GetString());
        Assert.Equal("", first.GetProperty("input").GetString());
        var output = first.GetProperty("output").GetString()!;
        Assert.StartsWith("<think>\n", output);
        Assert.Contains("The answer is 18.\n</think>\n\n", output);
        Assert.EndsWith("\\boxed{18}", output);
    }

    private static IAsyncEnumerable<DrpRecord> Load(string path) => RecordLoader.LoadAsync(path, new LoadOptions());

    private static async Task<string> Write(string path, IAsyncEnumerable<DrpRecord> records)
    {
        await using var writer = JsonlWriter.Create(path, TextWriter.Null);
        await foreach (var record in records)
        {
            await writer.WriteLineAsync(DrpJson.Serialize(record));
        }

        await writer.CommitAsync();
        return path;
    }
}
