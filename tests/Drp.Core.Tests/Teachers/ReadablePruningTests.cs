using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Heuristic;

namespace Drp.Core.Tests.Teachers;

/// <summary>How the offline teacher's pruned traces read: their opening, comments and repeats.</summary>
public sealed class ReadablePruningTests
{
    [Theory]
    [InlineData("That makes sense. So 3 * 4 = 12.", "So 3 * 4 = 12.")]
    [InlineData("Okay, that seems straightforward. 3 * 4 = 12.", "3 * 4 = 12.")]
    [InlineData("That makes sense because each box holds 4, so 3 * 4 = 12.", "That makes sense because each box holds 4, so 3 * 4 = 12.")]
    public void Comments_on_the_work_are_filler_explanations_are_not(string step, string compressed)
    {
        Assert.Equal(compressed, FillerRemover.Compress(step));
    }

    [Fact]
    public async Task A_trace_opens_with_what_its_first_kept_step_points_at_and_says_each_sentence_once()
    {
        const string reasoning = "Jason has a plan of 1000 minutes. He uses some of those minutes for calls.\n\n"
            + "The total talk time is 15 * 30 = 450 minutes.\n\n"
            + "The total talk time is 15 * 30 = 450 minutes. He has 1000 - 450 = 550 minutes left.";
        var record = new DrpRecord
        {
            Id = "minutes", Question = "Jason has 1000 minutes and talks 15 minutes a day for 30 days. How many are left?", Gold = "550",
            Trace = new Model.Trace(reasoning, "\\boxed{550}", true),
        };
        var teacher = new HeuristicTeacher();

        var pruned = await teacher.PruneAsync(record with { Steps = await teacher.DecomposeAsync(record) });

        Assert.DoesNotMatch(@"^\s*He uses", pruned.Reasoning);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pruned.Reasoning, @"15 \* 30 = 450"));
        Assert.EndsWith("The answer is 550.", pruned.Reasoning);
    }
}
