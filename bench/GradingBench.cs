using System.Globalization;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// drp's grader against the expectations of public answer-equivalence suites (../shared/data/grading): agreement per
/// kind of answer on the cases whose expectation holds under the suite's default settings, false accepts and false
/// rejects listed by id, and the same figures on the cases that hold only under other settings.
/// </summary>
public static class GradingBench
{
    public static void Run(string data, TextWriter output)
    {
        var suites = Directory.Exists(Path.Combine(data, "grading")) ? Directory.GetFiles(Path.Combine(data, "grading"), "*.jsonl") : [];
        foreach (var suite in suites.Order(StringComparer.Ordinal))
        {
            var cases = EquivalenceCase.Load(suite);
            output.WriteLine($"grading agreement with {Path.GetFileName(suite)} (drp grade: gold reduced to its answer, prediction's final answer found in its text)");
            output.WriteLine();
            output.WriteLine("| kind of answer | cases | drp agrees | false accepts | false rejects |");
            output.WriteLine("|---|---:|---:|---:|---:|");
            var defaults = cases.Where(c => !c.ConfigDependent).ToList();
            foreach (var group in defaults.GroupBy(c => c.Kind).OrderBy(g => EquivalenceCase.Kinds.ToList().IndexOf(g.Key)))
            {
                output.WriteLine(Row(group.Key, group.ToList()));
            }

            output.WriteLine(Row("**all, default settings**", defaults));
            output.WriteLine(Row("only under other settings", cases.Where(c => c.ConfigDependent).ToList()));
            output.WriteLine();
            foreach (var c in cases.Where(c => c.Verdict.Ok != c.Expected))
            {
                output.WriteLine($"- {c.Id}{(c.ConfigDependent ? " (other settings)" : "")}: expected {c.Expected}, drp {c.Verdict.Ok}: gold `{Short(c.GoldAnswer)}`, answer `{Short(c.Verdict.Extracted ?? "none")}`");
            }

            output.WriteLine();
        }
    }

    private static string Row(string kind, List<EquivalenceCase> cases)
    {
        var agree = cases.Count(c => c.Verdict.Ok == c.Expected);
        var falseAccepts = cases.Count(c => c.Verdict.Ok && !c.Expected);
        var falseRejects = cases.Count(c => !c.Verdict.Ok && c.Expected);
        return string.Create(CultureInfo.InvariantCulture, $"| {kind} | {cases.Count} | {agree} ({(double)agree / Math.Max(1, cases.Count):P1}) | {falseAccepts} | {falseRejects} |");
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 70 ? line : line[..67] + "...";
    }
}
