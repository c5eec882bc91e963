using System.Text.Json;
using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Io;

namespace Drp.Core.Tests.RealData;

/// <summary>drp's grader against graders the field trusts, on the real data in ../shared/data.</summary>
public sealed partial class GraderAgreementTests
{
    [SharedDataFact]
    public async Task Aime24_verdicts_agree_with_the_files_own_qwen_math_scores()
    {
        var path = TestPaths.Shared("traces/r1-distill-qwen-7b.aime24.jsonl");
        var disagreements = new List<string>();
        var total = 0;
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            var record = JsonDocument.Parse(line).RootElement;
            var trace = TraceParser.Parse(record.GetProperty("code")[0].GetString()!);
            var verdict = Grader.GradeTrace(trace, record.GetProperty("gt").GetString()!);
            var score = record.GetProperty("score")[0].GetBoolean();
            total++;
            if (verdict.Ok != score)
            {
                disagreements.Add($"idx {record.GetProperty("idx")}: drp {verdict.Ok} ({verdict.Extracted}), score {score}");
            }
        }

        Assert.Equal(30, total);
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [SharedDataFact]
    public void Thought_anchors_verdicts_agree_with_is_correct()
    {
        var problems = Directory.GetDirectories(TestPaths.Shared("traces/thought-anchors"), "problem_*", SearchOption.AllDirectories);
        var disagreements = new List<string>();
        foreach (var problem in problems)
        {
            var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(problem, "problem.json"))).RootElement.GetProperty("gt_answer").GetString()!;
            var solution = JsonDocument.Parse(File.ReadAllText(Path.Combine(problem, "base_solution.json"))).RootElement;
            var verdict = Grader.GradeTrace(TraceParser.Parse(solution.GetProperty("full_cot").GetString()!), gold);
            if (verdict.Ok != solution.GetProperty("is_correct").GetBoolean())
            {
                disagreements.Add($"{problem}: drp {verdict.Ok} ({verdict.Extracted} vs {gold})");
            }
        }

        Assert.Equal(40, problems.Length);
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [SharedDataFact]
    public void Math500_gold_answers_equal_their_own_solutions_and_no_other_value()
    {
        var problems = File.ReadLines(TestPaths.Shared("benchmarks/math500.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(p => (Id: p.GetProperty("unique_id").GetString()!, Gold: p.GetProperty("answer").GetString()!, Solution: p.GetProperty("solution").GetString()!))
            .ToList();

        var notOwn = problems.Where(p => !AnswerEquivalence.AreEqual(AnswerExtractor.LastBoxed(p.Solution)!, p.Gold))
            .Select(p => $"{p.Id}: gold {p.Gold} vs boxed {AnswerExtractor.LastBoxed(p.Solution)}").ToList();
        var falseMatches = new List<string>();
        for (var i = 0; i < problems.Count; i++)
        {
            for (var j = i + 1; j < problems.Count; j++)
            {
                if (!SameValue(problems[i].Gold, problems[j].Gold) && AnswerEquivalence.AreEqual(problems[i].Gold, problems[j].Gold))
                {
                    falseMatches.Add($"{problems[i].Gold} ~ {problems[j].Gold}");
                }
            }
        }

        Assert.Equal(500, problems.Count);
        Assert.True(notOwn.Count == 0, string.Join("\n", notOwn));
        Assert.True(falseMatches.Count == 0, string.Join("\n", falseMatches));
    }

    /// <summary>
    /// An independent, plain check of "the same value": the same text without spacing, delimiters, units and a leading
    /// "x =", the same number, or the same bare list of solutions in another order.
    /// </summary>
    private static bool SameValue(string a, string b)
    {
        static string Plain(string s) => VariablePrefix().Replace(ShortFraction().Replace(Spacing().Replace(s.Replace(@"\dfrac", @"\frac").Replace(@"\tfrac", @"\frac"), ""), @"\frac{$1}{$2}"), "");
        static string AsSet(string s) => string.Join(",", s.Split(',').Order(StringComparer.Ordinal));
        return Plain(a) == Plain(b)
            || (double.TryParse(Plain(a), out var x) && double.TryParse(Plain(b), out var y) && x == y)
            || (Plain(a) is [not ('(' or '[' or '{'), ..] && AsSet(Plain(a)) == AsSet(Plain(b)));
    }

    [GeneratedRegex(@"\s|\\!|\\,|\\left|\\right|\\?\$|\\(?:text|mbox)\{[a-z ]*\}(?:\^\d)?|\^\\circ|\^\{\\circ\}")]
    private static partial Regex Spacing();

    [GeneratedRegex(@"^[a-zA-Z]=")]
    private static partial Regex VariablePrefix();

    [GeneratedRegex(@"\\frac(\d)(\d)")]
    private static partial Regex ShortFraction();
}
