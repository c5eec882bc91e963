using System.Diagnostics;
using System.Globalization;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers.Llm;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>
/// The progress of <c>drp run</c>: a live line on a terminal (with a bar and the time left when the number of records
/// is known), else a plain line every 10 s (safe in CI logs); with an LLM teacher, the requests, retries and cost so
/// far; and each rejection where it happens.
/// </summary>
public sealed class RunProgress(ILogger log, RejectLog rejectLog, TerminalStatus? status)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool live = status?.Enabled == true;
    private TimeSpan next = TimeSpan.Zero;
    private int records;
    private int rejected;

    /// <summary>The records the input holds, when known (see <see cref="ExpectedRecords"/>).</summary>
    public long? Expected { get; init; }

    /// <summary>The LLM teacher's requests and retries so far, and their price (null: no LLM teacher).</summary>
    public UsageMeter? Usage { get; init; }

    public Price? Price { get; init; }

    /// <summary>
    /// A JSON Lines file holds a record a line, so its line count is the total to measure progress against; other
    /// inputs, and a shard (which takes some of the records), have no known total.
    /// </summary>
    public static long? ExpectedRecords(string input, LoadOptions load, long? lines)
    {
        var jsonLines = load.Format == InputFormat.Jsonl
            || (load.Format == InputFormat.Auto && (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)));
        return jsonLines && load.Shard is null && lines > 0 ? lines : null;
    }

    public void Add(DrpRecord record)
    {
        records++;
        if (record.Rejected is { } rejection)
        {
            rejected++;
            rejectLog.Write(record, rejection);
        }

        if (clock.Elapsed < next)
        {
            return;
        }

        if (live)
        {
            next = clock.Elapsed + Redraw;
            status!.Show("drp: " + Line(records, rejected, clock.Elapsed, Expected) + Teacher());
        }
        else if (clock.Elapsed >= Every)
        {
            next = clock.Elapsed + Every;
            log.Information("{Progress}", Line(records, rejected, clock.Elapsed, Expected) + Teacher());
        }
    }

    /// <summary>"; 120 requests, 3 retries, $0.42 so far" with an LLM teacher, else nothing.</summary>
    private string Teacher() => Usage?.Snapshot().Values.ToList() is not { } stages ? ""
        : string.Create(C, $"; {stages.Sum(s => s.Requests)} requests, {Usage.Retries} retries") + (Price is null ? "" : string.Create(C, $", ${stages.Sum(Price.Cost):F2} so far"));

    /// <summary>
    /// "[=========&gt;          ] 48% 4800 of 10000 records, 12 rejected, 2400 records/s, 00:00:02 left", or without a
    /// total "4800 records, 12 rejected, 2400 records/s, 00:02 so far".
    /// </summary>
    public static string Line(int records, int rejected, TimeSpan elapsed, long? expected)
    {
        var rate = records / Math.Max(0.001, elapsed.TotalSeconds);
        if (expected is not { } total)
        {
            return string.Create(C, $"{records} records, {rejected} rejected, {rate:F0} records/s, {elapsed:mm\\:ss} so far");
        }

        // Blank lines make the total a little high: the bar stops short of full until the run ends.
        var share = Math.Min(0.99, records / (double)total);
        const int width = 20;
        var filled = (int)(share * width);
        var bar = new string('=', filled) + (filled < width ? ">" + new string(' ', width - filled - 1) : "");
        // The time left is a guess from the rate so far: none is given in the first second, while it means little.
        var left = TimeSpan.FromSeconds(Math.Max(0, total - records) / Math.Max(rate, 0.001));
        var guess = elapsed >= TimeSpan.FromSeconds(1) ? string.Create(C, $", {left:hh\\:mm\\:ss} left") : "";
        return string.Create(C, $"[{bar}] {share:P0} {records} of {total} records, {rejected} rejected, {rate:F0} records/s{guess}")
            .Replace(" %", "%", StringComparison.Ordinal);
    }
}
