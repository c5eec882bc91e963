using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Drp.Cli.Tests;

public sealed partial class ReportTests
{
    [Fact]
    public async Task The_report_of_a_run_shows_the_numbers_of_summary_json_and_every_chart()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--faithfulness", "warn", "-q");

        var html = File.ReadAllText(dir.File("report.html"));
        Assert.Contains($"<p>Input: <code>{TestPaths.SampleFile}</code> (15 lines); options: <code>--faithfulness warn</code>; teacher: heuristic</p>", html);
        var summary = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement;

        var values = DataKey().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(9, values.Count);
        foreach (var (key, shown) in values)
        {
            var expected = summary.GetProperty(key);
            Assert.Equal(expected.ValueKind == JsonValueKind.Number ? expected.GetDouble().ToString(CultureInfo.InvariantCulture) : expected.GetString(), shown);
        }

        foreach (var chart in new[] { "chart-tokens", "chart-keep-ratio", "chart-actions", "chart-rejects" })
        {
            Assert.Contains($"<svg id=\"{chart}\"", html);
        }

        foreach (var reason in summary.GetProperty("rejected_by_reason").EnumerateObject())
        {
            Assert.Contains($"data-reason=\"{reason.Name}\">{reason.Value.GetInt32()}</text>", html);
        }

        Assert.Contains("<del class=\"step-delete\"", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Report_rewrites_the_page_of_a_run_directory_and_refuses_other_folders()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);
        File.Delete(dir.File("report.html"));

        var result = await CliRunner.RunAsync("report", dir.Path);
        var refused = await CliRunner.RunAsync("report", TestPaths.Samples);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(dir.File("report.html")));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is not a run folder (no manifest.json, validated.jsonl or summary.json)", refused.Stderr);
    }

    [GeneratedRegex("<td data-key=\"([a-z_]+)\">([^<]*)</td>")]
    private static partial Regex DataKey();
}
