using Drp.Core.Teachers.Llm;

namespace Drp.Core.Tests.Teachers;

public sealed class CoverageTests
{
    private const string Reasoning = "First, 14 * 12 = 168.\n\nWait, let me check.   Then 168 - 150 = 18.";

    [Fact]
    public void Verbatim_steps_in_order_cover_everything_whatever_the_white_space()
    {
        Assert.Equal(1.0, Coverage.Of(Reasoning, ["First, 14 * 12 = 168.", "Wait, let me check.", "Then 168  -  150 = 18."]));
    }

    [Fact]
    public void A_skipped_step_lowers_the_coverage_by_its_share()
    {
        var coverage = Coverage.Of(Reasoning, ["First, 14 * 12 = 168.", "Then 168 - 150 = 18."]);

        Assert.InRange(coverage, 0.6, 0.8);
    }

    [Fact]
    public void Reworded_steps_are_aligned_word_by_word()
    {
        var coverage = Coverage.Of(Reasoning, ["First, 14 * 12 = 168.", "Wait, I check.", "Then 168 - 150 = 18."]);

        Assert.InRange(coverage, 0.8, 0.99);
    }

    [Fact]
    public void Steps_out_of_order_do_not_count_twice()
    {
        var coverage = Coverage.Of(Reasoning, ["Then 168 - 150 = 18.", "First, 14 * 12 = 168."]);

        Assert.InRange(coverage, 0.3, 0.7);
    }
}
