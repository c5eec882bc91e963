using System.Text.Json;

namespace Drp.Cli.Tests;

/// <summary>A student's text after &lt;/think&gt; cut off at its length limit, through drp run: replaced and counted, or rejected when asked.</summary>
public sealed class FinalAnswerTests
{
    private const string Cut = """
        {"id": "cut", "question": "A bakery bakes 14 trays of 12 muffins and sells 150. How many are left?", "answer": "#### 18", "response": "Okay, so 14 * 12 = 168 muffins. Hmm, let me check: 120 + 48 = 168. Then 168 - 150 = 18. Wait, is that right? Yes. So 18 muffins are left.</think>\n\nThe bakery has 168 - 150 = 18 muffins, so \\boxed{1"}
        """;

    [Fact]
    public async Task A_cut_final_answer_is_replaced_by_the_answer_sentence_and_counted_in_the_summary_and_report()
    {
        using var dir = new TempDir();
        var input = dir.Write("cut.jsonl", Cut + "\n");

        var result = await CliRunner.RunAsync("run", input, "--out", dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json"))).RootElement;
        Assert.Equal(1, summary.GetProperty("exported").GetInt32());
        Assert.Equal(1, summary.GetProperty("answers_replaced").GetProperty("final_answer_cut").GetInt32());
        var output = JsonDocument.Parse(File.ReadAllLines(dir.File("out/train.jsonl")).Single()).RootElement.GetProperty("output").GetString()!;
        Assert.EndsWith("</think>\n\nThe answer is 18.", output);
        Assert.Contains("Final answers replaced by \"The answer is …\" in exported lines: 1 (final_answer_cut: 1)", File.ReadAllText(dir.File("out/report.html")));
    }

    [Fact]
    public async Task With_bad_final_answer_reject_the_record_is_rejected_with_its_own_reason()
    {
        using var dir = new TempDir();
        var input = dir.Write("cut.jsonl", Cut + "\n");

        var result = await CliRunner.RunAsync("run", input, "--out", dir.File("out"), "--bad-final-answer", "reject");

        Assert.Equal(4, result.ExitCode); // nothing exported
        Assert.Contains("rejected final_answer_cut: 1", result.Stderr);
        var rejected = JsonDocument.Parse(File.ReadAllLines(dir.File("out/rejects.jsonl")).Single()).RootElement.GetProperty("rejected");
        Assert.Equal("final_answer_cut", rejected.GetProperty("reason").GetString());
        Assert.Contains("cut off", rejected.GetProperty("detail").GetString());
        Assert.Equal("", File.ReadAllText(dir.File("out/train.jsonl")));
    }
}
