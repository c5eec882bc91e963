using System.Text;
using System.Text.Json;

namespace Drp.Cli.Tests;

/// <summary>A corpus of bad inputs: each gets a clear message naming where and what, and the valid records go through.</summary>
public sealed class BadInputTests
{
    private static readonly string Good = File.ReadLines(TestPaths.SampleFile).First();
    private static readonly string Good2 = File.ReadLines(TestPaths.SampleFile).Skip(1).First();

    public static TheoryData<string, string, int, string, int> Corpus() => new()
    {
        // name, content, exit code, expected stderr text, records exported
        { "truncated.jsonl", $"{Good}\n{Good2[..40]}\n", 0, "truncated.jsonl:2: malformed JSON at column 41: the text ends inside a string (cut off?)", 1 },
        { "truncated.json", $"[{Good},\n{Good2[..40]}", 0, "truncated.json:[1]: the file ends inside this record (truncated JSON?)", 1 },
        { "bom.jsonl", $"\uFEFF{Good}\n{Good2}\n", 0, "2 records: 2 exported", 2 },
        { "crlf.jsonl", $"{Good}\r\n{Good2}\r\n", 0, "2 records: 2 exported", 2 },
        { "wrong-types.jsonl", $"{Good}\n{{\"id\": \"x\", \"question\": {{\"text\": \"q\"}}, \"response\": [1, 2]}}\n", 0, "wrong-types.jsonl:2: no question field", 1 },
        { "duplicate-ids.jsonl", $"{Good}\n{Good}\n", 0, "duplicate-ids.jsonl:2: id bakery-muffins is already used by an earlier record", 1 },
        { "empty.jsonl", "", 2, "empty.jsonl: empty input, no records", 0 },
        { "only-close-think.jsonl", $"{Good}\n{{\"question\": \"q\", \"answer\": \"1\", \"response\": \"</think>\"}}\n", 0, "rejected empty_reasoning: 1", 1 },
        { "gold-not-a-number.jsonl", Good.Replace("#### 18", "#### eighteen") + "\n", 4, "no record exported: 1 of 1 rejected as wrong_answer; the first: ", 0 },
        { "nul.jsonl", $"{Good}\n{{\"question\": \"a\u0000b\"}}\n", 0, "nul.jsonl:2: malformed JSON at column 16: '0x00' is invalid within a JSON string", 1 },
        { "unclosed.csv", "question,answer,response\nq1,1,\"Hmm, let me think. Okay, a = 1</think>\\boxed{1}\"\n\"q2,2,\"b</think>\nq3,3,\"Hmm, let me think. Okay, c = 3</think>\\boxed{3}\"\n", 0, "unclosed.csv:3: malformed CSV row", 2 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Each_bad_input_is_named_and_the_rest_goes_through(string name, string content, int exitCode, string message, int exported)
    {
        using var dir = new TempDir();
        var input = dir.Write(name, content);

        var result = await CliRunner.RunAsync("run", input, "--out", dir.File("out"));

        Assert.True(result.ExitCode == exitCode, result.Stderr);
        Assert.Contains(message, result.Stderr);
        Assert.Equal("", result.Stdout);
        if (exitCode != 2)
        {
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("out"), "summary.json"))).RootElement;
            Assert.Equal(exported, summary.GetProperty("exported").GetInt32());
            Assert.Equal(summary.GetProperty("records_in").GetInt32(), exported + summary.GetProperty("rejected").GetInt32());
        }
    }

    [Fact]
    public async Task Invalid_utf8_is_named_and_the_other_records_go_on()
    {
        using var dir = new TempDir();
        var input = dir.File("latin1.jsonl");
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes(Good + "\n"), .. Encoding.Latin1.GetBytes("{\"question\": \"caf\u00e9\"}\n"), .. Encoding.UTF8.GetBytes(Good2 + "\n")]);

        var result = await CliRunner.RunAsync("run", input, "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("latin1.jsonl:2: invalid UTF-8", result.Stderr);
        Assert.Contains("3 records: 2 exported, 1 rejected", result.Stderr);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_csv_field_is_named_and_the_row_rejected_not_exported_with_replacement_marks()
    {
        using var dir = new TempDir();
        var input = dir.File("latin1.csv");
        string Row(JsonElement r) => string.Join(",", new[] { "id", "question", "answer", "response" }.Select(k => "\"" + r.GetProperty(k).GetString()!.Replace("\"", "\"\"") + "\""));
        var (good, good2) = (JsonDocument.Parse(Good).RootElement, JsonDocument.Parse(Good2).RootElement);
        var bad = Row(good).Replace("\"" + good.GetProperty("id").GetString() + "\"", "\"latin\"").Replace("A bakery", "A bakery caf\u00e9");
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes($"id,question,answer,response\n{Row(good)}\n"), .. Encoding.Latin1.GetBytes(bad + "\n"), .. Encoding.UTF8.GetBytes(Row(good2) + "\n")]);

        var result = await CliRunner.RunAsync("run", input, "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"latin1.csv:{3 + Row(good).Count(c => c == '\n')}: invalid UTF-8 in field 'question'", result.Stderr);
        Assert.Contains("3 records: 2 exported, 1 rejected", result.Stderr);
        Assert.DoesNotContain("\uFFFD", File.ReadAllText(Path.Combine(dir.File("out"), "train.jsonl")));
    }

    [Fact]
    public async Task A_20_megabyte_line_is_read_like_any_other()
    {
        using var dir = new TempDir();
        var record = JsonDocument.Parse(Good).RootElement;
        var longTrace = string.Concat(Enumerable.Repeat("Okay, let me think about this again. ", 560_000)) + "So 168 - 150 = 18.</think>\\boxed{18}";
        var line = JsonSerializer.Serialize(new { id = "long", question = record.GetProperty("question").GetString(), answer = "#### 18", response = longTrace });
        var input = dir.Write("long.jsonl", $"{line}\n{Good2}\n");

        var result = await CliRunner.RunAsync("run", input, "--out", dir.File("out"));

        Assert.True(new FileInfo(input).Length > 20_000_000);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 records: 2 exported", result.Stderr);
    }
}
