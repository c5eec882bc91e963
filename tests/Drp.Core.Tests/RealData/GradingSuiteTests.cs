using Drp.Core.Answers;
using Drp.Tests;

namespace Drp.Core.Tests.RealData;

/// <summary>drp's grader against the answer-equivalence cases of ../shared/data/grading (expectations written by others).</summary>
public sealed class GradingSuiteTests
{
    [SharedDataFact]
    public void Math_verify_cases_agree_under_default_settings_with_few_false_accepts()
    {
        var cases = EquivalenceCase.Load(TestPaths.Shared("grading/math-verify.cases.jsonl"));
        var defaults = cases.Where(c => !c.ConfigDependent).ToList();
        var disagreements = defaults.Where(c => c.Verdict.Ok != c.Expected).Select(c => $"{c.Id}: expected {c.Expected}, gold {c.GoldAnswer}, answer {c.Verdict.Extracted}").ToList();
        var falseAccepts = cases.Where(c => c.Verdict.Ok && !c.Expected).ToList();

        Assert.True(defaults.Count >= 140, $"{defaults.Count} default-setting cases");
        Assert.True(disagreements.Count <= defaults.Count * 0.08, string.Join("\n", disagreements));
        Assert.True(falseAccepts.Count <= 4, string.Join("\n", falseAccepts.Select(c => c.Id)));
        Assert.DoesNotContain(falseAccepts, c => DifferentNumbers(c.GoldAnswer, c.Verdict.Extracted!));
    }

    /// <summary>Both plain numbers (as the fast path reads them) and not the same one.</summary>
    private static bool DifferentNumbers(string a, string b) =>
        Rational.TryParse(AnswerNormalizer.Normalize(a), out var x) && Rational.TryParse(AnswerNormalizer.Normalize(b), out var y) && x != y;
}
