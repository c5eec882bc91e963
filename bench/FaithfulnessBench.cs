using System.Globalization;
using System.Text.Json;
using Drp.Core.Faithfulness;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// The faithfulness check over every real trace file: (1) the offline teacher's pruned traces, whose findings must be 0;
/// (2) <c>drp run --teacher openai</c> against a local teacher that rewrites the offline teacher's pruned traces as a
/// model does and corrupts a fifth of its prune answers in each of four ways (tests/Shared/CorruptingTeacher.cs): how
/// many corrupted answers end in train.jsonl; (3) the same teacher answering faithfully, in the habits of chat models,
/// with the check on and off: how many exports false findings cost.
/// </summary>
public static class FaithfulnessBench
{
    private static readonly Corruption[] Kinds = [Corruption.FalseComputation, Corruption.ChangedNumber, Corruption.InventedSentence, Corruption.DeletedStep];

    public static async Task RunAsync(string data, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("faithfulness: the offline teacher's findings must be 0; against a teacher that corrupts a fifth of its prune answers in each way, exported/corrupted must be 0 for (a)-(c) and at most 20% for (d); answering faithfully, exports with the check at most 1% below exports without it");
        output.WriteLine();
        output.WriteLine("| file | offline findings | (a) false computation | (b) changed number | (c) invented sentence | (d) deleted step | rejected unfaithful | faithful: exported with check / without | requests with / without |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var examples = new List<string>();
        foreach (var file in TraceFile.In(data))
        {
            var work = Directory.CreateTempSubdirectory("drp-faithfulness-bench-").FullName;
            try
            {
                var input = Path.Combine(data, "traces", file.Name);
                var offline = await OfflineRun.RunAsync(input, file.Load, Path.Combine(work, "offline"));
                var pruned = offline.Validated.Where(r => r.Pruned is not null && r.Trace is not null).ToList();
                var offlineFindings = pruned.SelectMany(r => FaithfulnessCheck.Check(r.Question, r.Trace!.Reasoning, r.Pruned!.Reasoning).Select(f => (r.Id, Finding: f))).ToList();
                examples.AddRange(offlineFindings.Select(f => $"  offline {file.Name} {f.Id} {f.Finding.Kind}: {f.Finding.Detail}\n      in: {f.Finding.Sentence}"));
                var byQuestion = pruned.GroupBy(r => r.Question!).ToDictionary(g => g.Key, g => g.First());

                var corrupting = new CorruptingTeacher(byQuestion, CorruptingTeacher.AFifthEach);
                await using (var server = await FakeOpenAiServer.StartAsync(corrupting.Answer))
                {
                    await LlmBench.RunProcess(Args(input, file, Path.Combine(work, "corrupted"), server), kill: null);
                }

                var validated = Validated(Path.Combine(work, "corrupted"));
                var carried = validated.Where(r => r.Rejected is null).Select(r => corrupting.ExportedCorruption(r.Question!, r.Pruned!.Reasoning)).OfType<CorruptedAnswer>().ToList();
                var exported = carried.CountBy(a => a.Kind).ToDictionary();
                examples.AddRange(carried.Select(a => $"  exported {file.Name} {a.Kind}{(a.FromQuestion ? " (one operation on the question's numbers)" : "")}: {a.Change}"));
                var sent = corrupting.Corrupted.CountBy(a => a.Kind).ToDictionary();
                var unfaithful = validated.Where(r => r.Rejected?.Reason == RejectReasons.Unfaithful).ToList();
                examples.AddRange(unfaithful.Take(2).Select(r => $"  rejected {file.Name} {r.Id}: {r.Rejected!.Detail}"));

                var faithful = new CorruptingTeacher(byQuestion, CorruptingTeacher.Never, dressed: true);
                await using var faithfulServer = await FakeOpenAiServer.StartAsync(faithful.Answer);
                var before = faithfulServer.RequestCount;
                await LlmBench.RunProcess(Args(input, file, Path.Combine(work, "checked"), faithfulServer), kill: null);
                var checkedRequests = faithfulServer.RequestCount - before;
                before = faithfulServer.RequestCount;
                await LlmBench.RunProcess([.. Args(input, file, Path.Combine(work, "unchecked"), faithfulServer), "--faithfulness", FaithfulnessMode.Off], kill: null);
                var uncheckedRequests = faithfulServer.RequestCount - before;
                var withCheck = File.ReadLines(Path.Combine(work, "checked", "train.jsonl")).Count();
                var withoutCheck = File.ReadLines(Path.Combine(work, "unchecked", "train.jsonl")).Count();
                examples.AddRange(Validated(Path.Combine(work, "checked")).Where(r => r.Rejected?.Reason == RejectReasons.Unfaithful)
                    .Select(r => $"  faithful answer rejected {file.Name} {r.Id}: {r.Rejected!.Detail}"));

                string Share(Corruption kind) => $"{exported.GetValueOrDefault(kind)} / {sent.GetValueOrDefault(kind)}" + (kind == Corruption.DeletedStep
                    ? $" (gaps {carried.Count(a => a.Kind == kind && !a.FromQuestion)} / {corrupting.Corrupted.Count(a => a.Kind == kind && !a.FromQuestion)})"
                    : "");
                output.WriteLine(string.Create(c,
                    $"| {file.Name} | {offlineFindings.Count} | {string.Join(" | ", Kinds.Select(Share))} | {unfaithful.Count} | {withCheck} / {withoutCheck} ({(withCheck - withoutCheck) / (double)Math.Max(1, withoutCheck):P1}) | {checkedRequests} / {uncheckedRequests} |"));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        output.WriteLine();
        output.WriteLine("(a)-(d): corrupted prune answers whose pruned trace ends in train.jsonl / corrupted answers sent (a corrective retry is asked on findings, and its answer may be corrupted again);");
        output.WriteLine("(d) gaps: the same without the deleted steps whose result is one operation on two of the question's numbers (mental arithmetic a reader follows, which the check allows)");
        foreach (var example in examples)
        {
            output.WriteLine(example);
        }
    }

    private static List<DrpRecord> Validated(string run) =>
        [.. File.ReadLines(Path.Combine(run, RunDirectory.Validated)).Select(l => JsonSerializer.Deserialize(l, DrpJson.TypeInfo<DrpRecord>())!)];

    private static string[] Args(string input, TraceFile file, string dir, FakeOpenAiServer server) =>
    [
        PublishedDrp.Path, "run", input, .. file.Arguments,
        "--out", dir, "--teacher", "openai", "--base-url", server.BaseUrl.ToString(), "--concurrency", "16", "-q",
    ];
}
