using Drp.Cli.Commands;
using Drp.Core.Io;

namespace Drp.Cli.Tests;

/// <summary>The progress line of drp run: a bar and the time left when the input's number of records is known.</summary>
public sealed class RunProgressTests
{
    [Fact]
    public void With_a_total_the_line_has_a_bar_the_share_and_the_time_left()
    {
        var line = RunProgress.Line(records: 4800, rejected: 12, elapsed: TimeSpan.FromSeconds(2), expected: 10_000);

        Assert.Equal("[=========>          ] 48% 4800 of 10000 records, 12 rejected, 2400 records/s, 00:00:02 left", line);
    }

    [Fact]
    public void In_the_first_second_no_time_left_is_guessed()
    {
        var line = RunProgress.Line(records: 1, rejected: 0, elapsed: TimeSpan.FromMilliseconds(300), expected: 10_000);

        Assert.Equal("[>                   ] 0% 1 of 10000 records, 0 rejected, 3 records/s", line);
    }

    [Fact]
    public void Without_a_total_the_line_counts_records_and_time()
    {
        var line = RunProgress.Line(records: 300, rejected: 0, elapsed: TimeSpan.FromSeconds(75), expected: null);

        Assert.Equal("300 records, 0 rejected, 4 records/s, 01:15 so far", line);
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
