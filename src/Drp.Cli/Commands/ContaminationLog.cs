using Drp.Core.Model;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>What <c>--decontaminate</c> found, on stderr: records kept out by benchmark file, and a few of them with their match.</summary>
public static class ContaminationLog
{
    public static void Write(ILogger log, IReadOnlyDictionary<string, int>? counts, IReadOnlyList<DrpRecord> examples)
    {
        foreach (var (benchmark, count) in counts ?? new Dictionary<string, int>())
        {
            log.Information("  contaminated by {Benchmark}: {Count}", benchmark, count);
        }

        foreach (var record in examples)
        {
            var match = record.Contamination!;
            log.Information("    {Id} is {Location} of {Benchmark}: {Shared}", record.Id, match.Location, match.Benchmark, match.Shared);
        }
    }
}
