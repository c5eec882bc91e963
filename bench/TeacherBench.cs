using System.Diagnostics;
using System.Globalization;
using Drp.Core.Answers;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Bench;

/// <summary>
/// The offline teacher on every real trace file, on the records whose original trace is complete and correct,
/// side by side with the two literature baselines on the same records.
/// </summary>
public static class TeacherBench
{
    public sealed record Row(
        string File, int Records, int Complete, int Correct, int Exported,
        double TokensBefore, double TokensAfter, double KeepRatio, double StepsPerTrace,
        IReadOnlyDictionary<string, double> ActionShares,
        double FirstCutKeep, int FirstCutExported, double ReflectionKeep, int ReflectionExported,
        double OwnFourGrams, double OpensMidThought, double AdmitsFailure, double RepeatsSentence, double Seconds);

    public static async Task<IReadOnlyList<Row>> RunAsync(string data, ITokenCounter tokens)
    {
        var rows = new List<Row>();
        foreach (var file in TraceFile.In(data))
        {
            rows.Add(await RunFileAsync(Path.Combine(data, "traces", file.Name), file, tokens));
        }

        return rows;
    }

    private static async Task<Row> RunFileAsync(string path, TraceFile file, ITokenCounter tokens)
    {
        var clock = Stopwatch.StartNew();
        var teacher = new HeuristicTeacher();
        var (records, complete, correct, exported) = (0, 0, 0, 0);
        var (before, after, keepSum, steps) = (0L, 0L, 0.0, 0L);
        var (firstKeep, firstExported, reflectionKeep, reflectionExported) = (0.0, 0, 0.0, 0);
        var (grams, ownGrams) = (0L, 0L);
        var (midThought, admits, repeats) = (0, 0, 0);
        var actions = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var loaded in RecordLoader.LoadAsync(path, file.Load))
        {
            records++;
            if (loaded.Trace is not { Complete: true } trace || loaded.Gold is not { } gold)
            {
                continue;
            }

            complete++;
            if (!Grader.GradeTrace(trace, gold).Ok)
            {
                continue;
            }

            correct++;
            var record = loaded with { Steps = await teacher.DecomposeAsync(loaded) };
            var original = tokens.Count(trace.Reasoning);
            var firstCut = Baselines.FirstCorrectAnswerCut(trace.Reasoning, record.Steps!, gold);
            var reflection = Baselines.ReflectionDeletion(trace.Reasoning, record.Steps!, gold);
            if (Grader.GradeText(firstCut, gold).Ok)
            {
                firstExported++;
                firstKeep += tokens.Count(firstCut) / (double)original;
            }

            if (Grader.GradeText(reflection, gold).Ok)
            {
                reflectionExported++;
                reflectionKeep += tokens.Count(reflection) / (double)original;
            }

            try
            {
                record = record with { Pruned = await teacher.PruneAsync(record) };
            }
            catch (TeacherException)
            {
                continue;
            }

            if (ValidateStage.Validate(record) is not { Rejected: null })
            {
                continue;
            }

            exported++;
            var pruned = tokens.Count(record.Pruned!.Reasoning);
            before += original;
            after += pruned;
            keepSum += pruned / (double)original;
            steps += record.Steps!.Count;
            foreach (var action in record.Pruned.Actions)
            {
                actions[action.Action] = actions.GetValueOrDefault(action.Action) + action.Steps.Count;
            }

            midThought += Readability.OpensMidThought(record.Pruned.Reasoning, trace.Reasoning) ? 1 : 0;
            admits += Readability.AdmitsFailure(record.Pruned.Reasoning) ? 1 : 0;
            repeats += Readability.RepeatsSentence(record.Pruned.Reasoning) ? 1 : 0;
            var (total, own) = FourGrams.Overlap(record.Pruned.Reasoning, trace.Reasoning);
            grams += total;
            ownGrams += own;
        }

        var allActions = Math.Max(1, actions.Values.Sum());
        return new Row(
            file.Name, records, complete, correct, exported,
            Mean(before, exported), Mean(after, exported), exported == 0 ? 0 : keepSum / exported, Mean(steps, exported),
            actions.ToDictionary(a => a.Key, a => a.Value / (double)allActions),
            firstExported == 0 ? 0 : firstKeep / firstExported, firstExported,
            reflectionExported == 0 ? 0 : reflectionKeep / reflectionExported, reflectionExported,
            grams == 0 ? 0 : ownGrams / (double)grams,
            Mean(midThought, exported), Mean(admits, exported), Mean(repeats, exported), clock.Elapsed.TotalSeconds);
    }

    private static double Mean(long total, int count) => count == 0 ? 0 : total / (double)count;

    public static void Print(IReadOnlyList<Row> rows, string tokenizer, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"offline teacher vs literature baselines, on records whose original trace is complete and correct (tokens: {tokenizer})");
        output.WriteLine();
        output.WriteLine("| file | records | complete | correct | exported | tokens before | tokens after | keep ratio | first-answer cut keep (exported) | reflection deletion keep (exported) | steps/trace | keep/compress/merge/delete | own 4-grams | opens mid-thought | admits a failed attempt | repeats a sentence | s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            string Share(string action) => (r.ActionShares.GetValueOrDefault(action) * 100).ToString("F0", c) + "%";
            output.WriteLine(string.Create(c,
                $"| {r.File} | {r.Records} | {r.Complete} | {r.Correct} | {r.Exported} | {r.TokensBefore:F0} | {r.TokensAfter:F0} | {r.KeepRatio:F3} | {r.FirstCutKeep:F3} ({r.FirstCutExported}) | {r.ReflectionKeep:F3} ({r.ReflectionExported}) | {r.StepsPerTrace:F1} | {Share("keep")}/{Share("compress")}/{Share("merge")}/{Share("delete")} | {r.OwnFourGrams * 100:F1}% | {r.OpensMidThought:P1} | {r.AdmitsFailure:P1} | {r.RepeatsSentence:P1} | {r.Seconds:F1} |"));
        }
    }
}
