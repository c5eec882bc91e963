using Drp.Cli.Commands;
using Drp.Core.Io;

namespace Drp.Cli.Tests;

/// <summary>The progress line of drp run: a bar and the time left when the input's number of records is known.</summary>
public sealed class RunProgressTests
{
    [Theory]
    [InlineData(4800, 12, 2000, 10_000L, "[=========>          ] 48% 4800 of 10000 records, 12 rejected, 2400 records/s, 00:00:02 left")]
    [InlineData(1, 0, 300, 10_000L, "[>                   ] 0% 1 of 10000 records, 0 rejected, 3 records/s")]
    [InlineData(300, 0, 75_000, null, "300 records, 0 rejected, 4 records/s, 01:15 so far")]
    public void The_line_has_a_bar_the_share_and_the_time_left_when_the_total_is_known(int records, int rejected, int elapsedMs, long? expected, string line)
    {
        // A total brings the bar and (after the first second, when the rate means something) the time left.
        Assert.Equal(line, RunProgress.Line(records, rejected, TimeSpan.FromMilliseconds(elapsedMs), expected));
    }

    [Fact]
    public void More_records_than_lines_never_show_a_full_bar_before_the_end()
    {
        var line = RunProgress.Line(records: 12, rejected: 0, elapsed: TimeSpan.FromSeconds(1), expected: 10);

        Assert.StartsWith("[===================>] 99% 12 of 10 records", line);
    }

    [Theory]
    [InlineData("traces.jsonl", InputFormat.Auto, false, 120L)]
    [InlineData("traces.NDJSON", InputFormat.Auto, false, 120L)]
    [InlineData("traces.txt", InputFormat.Jsonl, false, 120L)]
    [InlineData("traces.json", InputFormat.Auto, false, null)]
    [InlineData("traces.csv", InputFormat.Auto, false, null)]
    [InlineData("traces.jsonl", InputFormat.Auto, true, null)]
    [InlineData("-", InputFormat.Jsonl, false, null)]
    public void Only_a_whole_json_lines_file_has_a_known_total(string input, InputFormat format, bool sharded, long? expected)
    {
        var load = new LoadOptions { Format = format, Shard = sharded ? new Shard(1, 4) : null };

        Assert.Equal(expected, RunProgress.ExpectedRecords(input, load, input == "-" ? null : 120));
    }
}
