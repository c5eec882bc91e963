using Drp.Core.Model;
using Drp.Core.Stats;
using Drp.Core.Teachers;

namespace Drp.Core.Tests.Teachers;

/// <summary>--explain: every step's action names the rule that decided it, and the pruned trace is the same as without it.</summary>
public sealed class ExplainTests
{
    private static async Task<DrpRecord> PrunedAsync(bool explain)
    {
        var teacher = new HeuristicTeacher { Explain = explain };
        var record = new DrpRecord { Id = "bakery", Question = HeuristicTeacherTests.Question, Gold = "18", Trace = new Trace(HeuristicTeacherTests.Reasoning, "\\boxed{18}", true) };
        record = record with { Steps = await teacher.DecomposeAsync(record) };
        return record with { Pruned = await teacher.PruneAsync(record) };
    }

    [Fact]
    public async Task Every_step_gets_the_rule_that_decided_it_and_the_pruned_trace_is_unchanged()
    {
        var plain = await PrunedAsync(explain: false);
        var explained = await PrunedAsync(explain: true);

        Assert.Equal(plain.Pruned!.Reasoning, explained.Pruned!.Reasoning);
        Assert.Equal(plain.Pruned.Actions.Select(a => (a.Action, string.Join(",", a.Steps))), explained.Pruned.Actions.Select(a => (a.Action, string.Join(",", a.Steps))));
        Assert.All(plain.Pruned.Actions, a => Assert.Null(a.Why));
        foreach (var step in explained.Steps!)
        {
            var action = explained.Pruned.Actions.Single(a => a.Steps.Contains(step.N));
            Assert.Contains(action.Why!, w => w.Step == step.N && w.Rule.Contains('.') && w.Evidence.Length > 0);
        }

        var why = explained.Pruned.Actions.SelectMany(a => a.Why!).ToList();
        Assert.Contains(why, w => w.Rule == "skill.not-needed" && w.Evidence == Skills.Verification);
        Assert.Contains(why, w => w.Rule == "answer.checked-after");
        Assert.Contains(why, w => w.Rule == "filler.trimmed" && w.Evidence.StartsWith("took out \"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_explanation_marks_deleted_steps_and_trimmed_words_beside_their_rules()
    {
        var text = PruningExplanation.Of(await PrunedAsync(explain: true));

        Assert.Contains("record bakery:", text);
        Assert.Matches(@"step \d+  delete  skill\.not-needed: verification\n    \[-Hmm, let me double-check that\.", text);
        Assert.Matches(@"step \d+  (?:compress|merge \(steps [\d, ]+ as one line\))  .*filler\.trimmed: took out ""[^""]+""\n    \[-", text);
    }

    [Fact]
    public async Task A_record_pruned_without_explain_says_how_to_get_the_rules()
    {
        var error = await Assert.ThrowsAsync<Drp.Core.Io.InputException>(async () => PruningExplanation.Of(await PrunedAsync(explain: false)));
        Assert.Contains("pruned without --explain", error.Message);
    }
}
