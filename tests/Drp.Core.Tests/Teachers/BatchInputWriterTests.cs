using System.Text.Json;
using Drp.Core.Model;
using Drp.Core.Teachers.Llm;
using Drp.Core.Teachers.Llm.Batch;

namespace Drp.Core.Tests.Teachers;

/// <summary>Batch input files: split within the Batch API's limits, one model each, every request once.</summary>
public sealed class BatchInputWriterTests
{
    private static readonly LlmTeacher Teacher = new(new AnsweringChatClient(_ => throw new InvalidOperationException()), PromptSet.Embedded(), new LlmTeacherOptions());

    /// <summary>A generated record: a short GSM8K-like trace, different in every record.</summary>
    private static DrpRecord Record(int n) => new()
    {
        Id = $"gen-{n}",
        Question = $"A shop sells {n} pens a day. How many in a week?",
        Gold = (7 * n).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Trace = new Model.Trace($"Okay, so {n} pens a day.\nA week has 7 days, so {n} * 7 = {7 * n}.\nWait, let me check: {7 * n} / 7 = {n}. Yes.", $"\\boxed{{{7 * n}}}", true),
    };

    [Fact]
    public void A_120000_request_round_is_split_into_3_files_within_the_limits()
    {
        using var dir = new TempDir();
        var limits = new BatchLimits();
        using var writer = new BatchInputWriter(dir.Path, 1, "gpt-4o", limits);

        for (var n = 0; n < 120_000; n++)
        {
            var request = Teacher.DecomposeRequest(Record(n));
            writer.Add($"gen-{n}:decompose:v1", $"key-{n}", request);
        }

        var parts = writer.Finish();

        Assert.Equal([50_000, 50_000, 20_000], parts.Select(p => p.Requests));
        var ids = new HashSet<string>();
        foreach (var part in parts)
        {
            Assert.True(new FileInfo(part.RequestsPath).Length <= limits.MaxBytes);
            Assert.Equal(part.Bytes, new FileInfo(part.RequestsPath).Length);
            var lines = File.ReadLines(part.RequestsPath).ToList();
            Assert.Equal(part.Requests, lines.Count);
            Assert.Equal(part.Requests, File.ReadLines(part.KeysPath).Count());
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                Assert.True(ids.Add(json.RootElement.GetProperty("custom_id").GetString()!));
                Assert.Equal("gpt-4o", json.RootElement.GetProperty("body").GetProperty("model").GetString());
            }
        }

        Assert.Equal(120_000, ids.Count);
    }

    [Fact]
    public void A_new_file_starts_before_one_would_pass_the_byte_limit_and_a_request_asked_twice_is_written_once()
    {
        using var dir = new TempDir();
        var request = Teacher.DecomposeRequest(Record(1));
        var lineBytes = BatchRequestLine.Format("r:decompose:v1", "m", request).Length + 1;
        using var writer = new BatchInputWriter(dir.Path, 2, "m", new BatchLimits(MaxRequests: 100, MaxBytes: lineBytes * 2 + 10));

        for (var n = 0; n < 5; n++)
        {
            writer.Add("r:decompose:v1", $"key-{n}", request);
        }

        writer.Add("r:decompose:v1", "key-0", request);
        var parts = writer.Finish();

        Assert.Equal([2, 2, 1], parts.Select(p => p.Requests));
        Assert.Equal(["round-2-part-1", "round-2-part-2", "round-2-part-3"], parts.Select(p => p.Name));
        Assert.Equal(["r:decompose:v1", "r:decompose:v1#2"], File.ReadLines(parts[0].RequestsPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()));
        Assert.All(parts, p => Assert.True(p.Bytes <= lineBytes * 2 + 10));
    }
}
