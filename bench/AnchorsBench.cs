using System.Globalization;
using System.Text.Json;
using Drp.Core.Answers;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers;

namespace Drp.Bench;

/// <summary>
/// The pruner against human-checked sentence labels: on the thought-anchors solutions, the share of self-checking and
/// uncertainty text it deletes, and the share of computation and result text it keeps before the point where the trace
/// first states its final answer (computations after it re-check an answer already reached; a computation the trace
/// writes again word for word counts as kept where the pruned trace has it once, as a repeat is kept once). The pruner
/// was tuned on the correct solutions; the text of the incorrect ones (pruned towards their own final answer) was never
/// read while tuning.
/// </summary>
public static class AnchorsBench
{
    private static readonly HashSet<string> ShouldGo = ["self_checking", "uncertainty_management"];
    private static readonly HashSet<string> ShouldStay = ["active_computation", "result_consolidation", "final_answer_emission"];

    public sealed record Result(
        string Set, int Solutions, long GoChars, long GoDeleted, long StayChars, long StayKept, long KeptOnce, int Opens, int Admits, int Repeats, double KeepSum)
    {
        /// <summary>The mean of the pruned reasoning's length over the original's, in characters.</summary>
        public double KeepRatio => Solutions == 0 ? 0 : KeepSum / Solutions;

        public double DeletedShare => GoChars == 0 ? 0 : GoDeleted / (double)GoChars;

        public double KeptShare => StayChars == 0 ? 0 : StayKept / (double)StayChars;
    }

    public static async Task<IReadOnlyList<Result>> RunAsync(string data)
    {
        if (!Directory.Exists(Path.Combine(data, "traces", "thought-anchors")))
        {
            Console.Error.WriteLine($"bench: no {Path.Combine(data, "traces", "thought-anchors")}; the anchors check is left out");
            return [];
        }

        return [await RunAsync(data, "correct_base_solution"), await RunAsync(data, "incorrect_base_solution")];
    }

    private static async Task<Result> RunAsync(string data, string set)
    {
        var teacher = new HeuristicTeacher();
        var (solutions, goChars, goDeleted, stayChars, stayKept, keptOnce) = (0, 0L, 0L, 0L, 0L, 0L);
        var (opens, admits, repeats, keepSum) = (0, 0, 0, 0.0);
        var folders = Directory.GetDirectories(Path.Combine(data, "traces", "thought-anchors"), "problem_*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}{set}{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var problem = Json(folder, "problem.json");
            var solution = Json(folder, "base_solution.json");
            var trace = TraceParser.Parse(solution.GetProperty("full_cot").GetString()!);
            var record = new DrpRecord
            {
                Id = folder,
                Question = problem.GetProperty("problem").GetString(),
                Gold = problem.GetProperty("gt_answer").GetString(),
                Trace = trace,
            };
            var answer = Grader.TraceAnswer(trace)?.Value;
            if (answer is null || !AnswerReach.Reaches(trace.Reasoning, answer))
            {
                continue;
            }

            record = record with { Steps = await teacher.DecomposeAsync(record) };
            var pruned = await teacher.PruneAsync(record);
            var deleted = DeletedCharacters(trace.Reasoning, record.Steps!, pruned);
            solutions++;
            keepSum += pruned.Reasoning.Length / (double)trace.Reasoning.Length;
            opens += Readability.OpensMidThought(pruned.Reasoning, trace.Reasoning) ? 1 : 0;
            admits += Readability.AdmitsFailure(pruned.Reasoning) ? 1 : 0;
            repeats += Readability.RepeatsSentence(pruned.Reasoning) ? 1 : 0;
            var from = 0;
            var answered = false;
            foreach (var chunk in Json(folder, "chunks_labeled.json").EnumerateArray())
            {
                var text = chunk.GetProperty("chunk").GetString()!;
                var at = trace.Reasoning.IndexOf(text, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                from = at + text.Length;
                var tags = chunk.GetProperty("function_tags").EnumerateArray().Select(t => t.GetString()!).ToList();
                var gone = Enumerable.Range(at, text.Length).Count(i => deleted[i]);
                if (tags.Any(ShouldGo.Contains))
                {
                    goChars += text.Length;
                    goDeleted += gone;
                }
                else if (tags.Any(ShouldStay.Contains) && !answered)
                {
                    if (gone > 0 && IsKeptOnce(text, trace.Reasoning[..at], pruned.Reasoning))
                    {
                        (keptOnce, gone) = (keptOnce + gone, 0);
                    }

                    stayChars += text.Length;
                    stayKept += text.Length - gone;
                    answered = AnswerReach.Reaches(text, answer);
                }
            }
        }

        return new Result(set, solutions, goChars, goDeleted, stayChars, stayKept, keptOnce, opens, admits, repeats, keepSum);
    }

    /// <summary>
    /// Whether a deleted chunk repeats what the trace wrote before it, word for word ("D + 2D + 0.5D = 105."), and the
    /// pruned trace has that text: the repeat is kept once.
    /// </summary>
    private static bool IsKeptOnce(string chunk, string before, string pruned)
    {
        var core = chunk.Trim().TrimEnd('.', ',', ':');
        return core.Length >= 8 && before.Contains(core, StringComparison.Ordinal) && pruned.Contains(core, StringComparison.Ordinal);
    }

    /// <summary>Which characters of the reasoning fall in a deleted step.</summary>
    private static bool[] DeletedCharacters(string reasoning, IReadOnlyList<Step> steps, PrunedTrace pruned)
    {
        var deleted = new bool[reasoning.Length];
        var spans = StepLocator.Locate(reasoning, steps);
        var deletedSteps = pruned.Actions.Where(a => a.Action == StepActions.Delete).SelectMany(a => a.Steps).ToHashSet();
        for (var i = 0; i < steps.Count; i++)
        {
            if (deletedSteps.Contains(steps[i].N) && spans[i].Start >= 0)
            {
                Array.Fill(deleted, true, spans[i].Start, spans[i].End - spans[i].Start);
            }
        }

        return deleted;
    }

    private static JsonElement Json(string folder, string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file))).RootElement;

    public static void Print(IReadOnlyList<Result> results, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("thought-anchors solutions with human-checked sentence labels (tuned on the correct ones):");
        foreach (var result in results)
        {
            output.WriteLine($"  {result.Set}, {result.Solutions} solutions that reach their final answer:");
            output.WriteLine(string.Create(c, $"    self_checking + uncertainty_management text deleted: {result.DeletedShare * 100:F1}% of {result.GoChars} characters (must be at least 60%)"));
            output.WriteLine(string.Create(c, $"    active_computation + result_consolidation + final_answer_emission text up to the first statement of the final answer kept: {result.KeptShare * 100:F1}% of {result.StayChars} characters (must be at least 90%; {result.KeptOnce} characters deleted where the trace wrote them again, and kept once, count as kept)"));
            output.WriteLine($"    pruned traces that open mid-thought / admit a failed attempt / repeat a sentence: {result.Opens} / {result.Admits} / {result.Repeats} of {result.Solutions}");
            output.WriteLine(string.Create(c, $"    keep ratio (characters of reasoning, mean per solution): {result.KeepRatio:F3}"));
        }

        if (results.Count > 1)
        {
            var (goChars, stayChars) = (results.Sum(r => r.GoChars), results.Sum(r => r.StayChars));
            output.WriteLine(string.Create(c, $"  all {results.Sum(r => r.Solutions)} solutions: {results.Sum(r => r.GoDeleted) * 100.0 / Math.Max(1, goChars):F1}% of self-checking text deleted, {results.Sum(r => r.StayKept) * 100.0 / Math.Max(1, stayChars):F1}% of computation kept"));
        }
    }
}
