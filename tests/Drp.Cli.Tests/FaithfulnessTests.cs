using System.Text.Json;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Cli.Tests;

/// <summary>
/// <c>drp run --teacher openai</c> against a loopback teacher that rewrites the offline teacher's pruned traces as a model
/// does and corrupts them (tests/Shared/CorruptingTeacher.cs), through the real OpenAI SDK over HTTP.
/// </summary>
[Collection(nameof(ApiKeyEnvironment))]
public sealed class FaithfulnessTests
{
    private static readonly Corruption[] Kinds = [Corruption.FalseComputation, Corruption.ChangedNumber, Corruption.InventedSentence, Corruption.DeletedStep];

    private static async Task<Dictionary<string, DrpRecord>> OfflinePrunedAsync()
    {
        using var dir = new TempDir();
        var run = await OfflineRun.RunAsync(TestPaths.SampleFile, new LoadOptions(), dir.Path);
        return run.Validated.Where(r => r.Pruned is not null).ToDictionary(r => r.Question!);
    }

    private static Task<CliRunner.Result> RunAsync(FakeOpenAiServer server, string dir, params string[] more) =>
        CliRunner.RunAsync(["run", TestPaths.SampleFile, "--out", dir, "--teacher", "openai", "--base-url", server.BaseUrl.ToString(), .. more]);

    private static List<DrpRecord> Validated(string dir) =>
        [.. File.ReadLines(Path.Combine(dir, RunDirectory.Validated)).Select(l => JsonSerializer.Deserialize(l, DrpJson.TypeInfo<DrpRecord>())!)];

    [Fact]
    public async Task No_corrupted_answer_reaches_train_jsonl_and_the_corrective_retry_names_the_finding()
    {
        var offline = await OfflinePrunedAsync();
        var questions = offline.Keys.Order(StringComparer.Ordinal).ToList();
        // Each record's first prune answer is corrupted one way, in turn; the corrective retry is answered faithfully.
        var teacher = new CorruptingTeacher(offline, prompt => prompt.StartsWith("An earlier answer", StringComparison.Ordinal)
            ? Corruption.None
            : Kinds[Math.Max(0, questions.FindIndex(q => prompt.Contains(q, StringComparison.Ordinal))) % Kinds.Length]);
        await using var server = await FakeOpenAiServer.StartAsync(teacher.Answer);
        using var dir = new TempDir();

        var result = await RunAsync(server, dir.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var exported = Validated(dir.Path).Where(r => r.Rejected is null).ToList();
        Assert.Equal(File.ReadLines(dir.File("train.jsonl")).Count(), exported.Count);
        Assert.All(exported, r => Assert.Null(teacher.ExportedCorruption(r.Question!, r.Pruned!.Reasoning)));
        Assert.Contains(teacher.Corrupted, c => c.Kind == Corruption.FalseComputation);
        Assert.Contains(teacher.Corrupted, c => c.Kind == Corruption.InventedSentence);
        var retries = server.Requests.Where(r => r.Prompt.StartsWith("An earlier answer", StringComparison.Ordinal)).ToList();
        Assert.Contains(retries, r => r.Prompt.Contains("does not hold:", StringComparison.Ordinal) && r.Prompt.Contains("the student's step says", StringComparison.Ordinal));
        Assert.Contains(retries, r => r.Prompt.Contains("is in neither the question nor the student's reasoning", StringComparison.Ordinal));
        var kept = File.ReadLines(dir.File("cache/rejected-answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(kept, k => k.GetProperty("reason").GetString() == RejectReasons.Unfaithful);
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("warn")]
    [InlineData("off")]
    public async Task A_teacher_that_stays_unfaithful_is_rejected_warned_or_let_through_as_faithfulness_says(string mode)
    {
        var offline = await OfflinePrunedAsync();
        var teacher = new CorruptingTeacher(offline, _ => Corruption.InventedSentence);
        await using var server = await FakeOpenAiServer.StartAsync(teacher.Answer);
        using var dir = new TempDir();

        var result = await RunAsync(server, dir.Path, "--faithfulness", mode);

        var validated = Validated(dir.Path);
        // (A sample whose own answer is wrong is rejected for that, whatever its teacher wrote.)
        var invented = validated.Where(r => teacher.Corrupted.Any(c => c.Question == r.Question) && r.Rejected?.Reason != RejectReasons.WrongAnswer).ToList();
        Assert.NotEmpty(invented);
        var summary = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement;
        var counted = summary.GetProperty("faithfulness").TryGetProperty(FindingKinds.UnsupportedNumber, out var count) ? count.GetInt32() : 0;
        switch (mode)
        {
            case "reject":
                Assert.Equal(4, result.ExitCode); // every record rejected: none exported
                Assert.All(invented, r => Assert.StartsWith("unsupported_number: ", r.Rejected!.Detail));
                Assert.All(invented, r => Assert.Equal(RejectReasons.Unfaithful, r.Rejected!.Reason));
                Assert.Equal(invented.Count, counted);
                break;
            case "warn":
                Assert.True(result.ExitCode == 0, result.Stderr);
                Assert.All(invented, r => Assert.Null(r.Rejected));
                Assert.All(invented, r => Assert.Equal(FindingKinds.UnsupportedNumber, Assert.Single(r.Validation!.Findings!).Kind));
                Assert.Equal(invented.Count, counted);
                var report = File.ReadAllText(dir.File("report.html"));
                Assert.Contains($"data-kind=\"unsupported_number\">{counted}<", report);
                Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(report, "class=\"example finding\"").Count);
                Assert.Matches(@"<div class=""pruned"">[^<]*(There are also|Then add the|That leaves) <mark>\d+</mark>", report);
                break;
            default:
                Assert.True(result.ExitCode == 0, result.Stderr);
                Assert.All(invented, r => Assert.Null(r.Validation!.Findings));
                Assert.Equal(0, counted);
                break;
        }

        // A retry is asked only where findings reject: once per record in reject mode, never otherwise.
        var retries = server.Requests.Count(r => r.Prompt.StartsWith("An earlier answer", StringComparison.Ordinal));
        Assert.Equal(mode == "reject" ? teacher.Corrupted.Select(c => c.Question).Distinct().Count() : 0, retries);
    }

    [Fact]
    public async Task Answers_packaged_as_chat_models_do_leave_no_teacher_thinking_in_any_output()
    {
        var offline = await OfflinePrunedAsync();
        var clean = new CorruptingTeacher(offline, CorruptingTeacher.Never);
        var dressed = new CorruptingTeacher(offline, CorruptingTeacher.Never, dressed: true);
        await using var cleanServer = await FakeOpenAiServer.StartAsync(clean.Answer);
        await using var dressedServer = await FakeOpenAiServer.StartAsync(dressed.Answer);
        using var dir = new TempDir();

        var first = await RunAsync(cleanServer, dir.File("clean"));
        var second = await RunAsync(dressedServer, dir.File("dressed"));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(File.ReadAllText(dir.File("clean/train.jsonl")), File.ReadAllText(dir.File("dressed/train.jsonl")));
        foreach (var file in new[] { "decomposed.jsonl", "pruned.jsonl", "train.jsonl" })
        {
            Assert.DoesNotContain("The user wants me", File.ReadAllText(dir.File($"dressed/{file}")));
            Assert.DoesNotContain("A draft of the teacher", File.ReadAllText(dir.File($"dressed/{file}")));
        }

        Assert.Equal(cleanServer.RequestCount, dressedServer.RequestCount);
        var habits = dressedServer.Requests.Select(r => ModelHabits.For(r.Prompt)).ToList();
        Assert.Contains(habits, h => h.HasFlag(Habit.ThinkingAfterPreamble));
        Assert.Contains(habits, h => h.HasFlag(Habit.ThinkingInFence));
        Assert.Contains(habits, h => h.HasFlag(Habit.DoubledAnswer));
    }
}
