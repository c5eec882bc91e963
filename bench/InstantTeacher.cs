using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Bench;

/// <summary>
/// A teacher that answers at once, with the steps and pruned traces of an earlier run of the same records, for
/// timing what drp run costs besides teaching: reading, counting tokens, writing its files, validating, export.
/// </summary>
public sealed class InstantTeacher(IReadOnlyDictionary<string, DrpRecord> answers, Func<string, string> answerId) : ITeacher
{
    public string Name => HeuristicTeacher.TeacherName;

    public Task<IReadOnlyList<Step>> DecomposeAsync(DrpRecord record, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer(record).Steps ?? throw Rejected(record));

    public Task<PrunedTrace> PruneAsync(DrpRecord record, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer(record).Pruned ?? throw Rejected(record));

    /// <summary>
    /// drp run on <paramref name="input"/> with this teacher, in this process (no start-up),
    /// answering record <c>r{i}</c> as <paramref name="earlierRun"/>'s validated.jsonl answered <c>r{i mod distinct}</c>.
    /// </summary>
    public static async Task<TimeSpan> TimeRunAsync(string input, string earlierRun, int distinct, string outDir)
    {
        var answers = new Dictionary<string, DrpRecord>();
        await foreach (var record in RecordLoader.LoadAsync(Path.Combine(earlierRun, RunDirectory.Validated), new LoadOptions()))
        {
            answers[record.Id] = record;
            if (answers.Count == distinct)
            {
                break;
            }
        }

        var teacher = new InstantTeacher(answers, id => $"r{int.Parse(id[1..]) % distinct}");
        var tokens = TokenCounters.Create(TokenCounters.Default);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await RunPipeline.RunAsync(new RunOptions(input, outDir, new LoadOptions(), teacher, tokens) { Parallelism = Environment.ProcessorCount });
        return System.Diagnostics.Stopwatch.GetElapsedTime(start);
    }

    private DrpRecord Answer(DrpRecord record) => answers[answerId(record.Id)];

    private TeacherException Rejected(DrpRecord record) =>
        new(Answer(record).Rejected?.Reason ?? RejectReasons.NoSteps, "rejected in the earlier run");
}
