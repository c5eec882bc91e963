using System.Diagnostics;
using System.Globalization;
using Drp.Core.Answers;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Bench;

/// <summary>How fast drp grades: every trace of the real trace files, records loaded first, grading timed alone.</summary>
public static class GradeBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        var records = new List<DrpRecord>();
        foreach (var file in TraceFile.In(data))
        {
            await foreach (var record in RecordLoader.LoadAsync(Path.Combine(data, "traces", file.Name), file.Load))
            {
                if (record.Trace is not null && record.Gold is not null)
                {
                    records.Add(record);
                }
            }
        }

        var best = double.MaxValue;
        var correct = 0;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            correct = records.Count(r => Grader.GradeTrace(r.Trace!, r.Gold!).Ok);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grading: {records.Count} traces ({correct} correct) in {best:F0} ms, {best / records.Count * 1000:F0} ms per 1,000 traces (best of 5)"));
    }
}
