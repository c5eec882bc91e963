using Drp.Core.Faithfulness;
using Drp.Core.Model;

namespace Drp.Core.Tests.Faithfulness;

public sealed class FaithfulnessCheckTests
{
    private const string Question = "Janet's ducks lay 16 eggs per day. She eats three for breakfast and bakes muffins with four. She sells the remainder at $2 per egg. How much does she make every day?";

    private const string Student = "She uses 3 + 4 = 7 eggs. Wait, is that right? Yes. So 16 - 7 = 9 eggs are left. She sells 9 * 2 = 18 dollars a day. Let me double check: 9 times 2 is 18.";

    private static IReadOnlyList<Finding> Check(string pruned) => FaithfulnessCheck.Check(Question, Student, pruned);

    [Fact]
    public void A_pruned_trace_that_only_deletes_the_students_sentences_has_no_finding()
    {
        Assert.Empty(Check("She uses 3 + 4 = 7 eggs. So 16 - 7 = 9 eggs are left. She sells 9 * 2 = 18 dollars a day. The answer is 18."));
    }

    [Fact]
    public void A_rewritten_computation_that_holds_and_numbers_spelled_otherwise_are_no_finding()
    {
        Assert.Empty(Check("She eats 3 and bakes with 4, 3 plus 4 is 7 eggs. 16 − 7 = 9 eggs left, sold at $2.00: 9 × 2 = $18. The answer is 18."));
    }

    [Fact]
    public void A_false_computation_is_found_with_the_students_own_step()
    {
        var finding = Assert.Single(Check("She uses 3 + 4 = 7 eggs. So 16 - 7 = 9 eggs are left. She sells 9 * 2 = 19 dollars a day."));

        Assert.Equal(FindingKinds.FalseComputation, finding.Kind);
        Assert.Equal("She sells 9 * 2 = 19 dollars a day.", finding.Sentence);
        Assert.Equal("\"9 * 2 = 19\" does not hold: 9 * 2 is 18; the student's step says \"9 * 2 = 18\"", finding.Detail);
    }

    [Theory]
    [InlineData("She uses 3 + 4 = 7 eggs. So 16 - 7 = 9 eggs are left, and 23 more from the neighbour. She sells 9 * 2 = 18 dollars a day.", "23")]
    [InlineData("She uses 3 + 4 = 7 eggs. Then add the 13 extra apples, giving 13 more. So 16 - 7 = 9 eggs are left. She sells 9 * 2 = 18 dollars a day.", "13")]
    public void A_number_from_nowhere_is_found(string pruned, string number)
    {
        var finding = Assert.Single(Check(pruned));

        Assert.Equal(FindingKinds.UnsupportedNumber, finding.Kind);
        Assert.StartsWith($"{number} is in neither the question nor the student's reasoning", finding.Detail);
    }

    [Fact]
    public void A_result_used_before_the_step_that_works_it_out_is_a_missing_step()
    {
        // 9 = 16 - 7, but 7 is not on the page: two operations from the question.
        var finding = Assert.Single(Check("She sells 9 * 2 = 18 dollars a day. The answer is 18."));

        Assert.Equal(FindingKinds.MissingStep, finding.Kind);
        Assert.Equal("9 is used before the pruned reasoning works it out; the student works it out in \"So 16 - 7 = 9 eggs are left.\"", finding.Detail);
    }

    [Fact]
    public void Mental_arithmetic_in_one_operation_from_numbers_in_view_is_not_a_gap()
    {
        // 7 = 3 + 4, both in the question; 45 = 15 * 3 in its own sentence.
        Assert.Empty(Check("So 16 - 7 = 9 eggs are left. She sells 9 * 2 = 18 dollars a day. The answer is 18."));
        Assert.Empty(FaithfulnessCheck.Check("3 boxes of 15 eggs, 5 broken.", "3 * 15 = 45 eggs. 45 - 5 = 40 good eggs.", "Three boxes of 15 are 45 eggs, and 45 - 5 = 40 good eggs."));
    }

    [Fact]
    public void A_small_number_in_prose_is_a_count_not_an_unworked_result()
    {
        var student = "Pairs opposite each other: 28 - 24 = 4. So there are 4 such pairs, and 4 colorings.";

        Assert.Empty(FaithfulnessCheck.Check("An octagon.", student, "There are 4 such pairs, and 4 colorings. The answer is 4."));
    }

    [Fact]
    public void A_number_named_to_be_set_aside_is_not_used()
    {
        var student = "30*15 is 450, and 2*15 is 30, so 450 + 30 is 480. No wait, the distance is 16 miles, not 480.";

        Assert.Empty(FaithfulnessCheck.Check("16 miles at 30 mph.", student, "The distance is 16 miles, not 480. The answer is 16."));
    }

    [Fact]
    public void A_number_the_student_states_before_working_it_out_needs_no_working()
    {
        var student = "The total is 700 bees, I think. Let me check: 140 * 5 = 700. Then 700 / 35 = 20 bees per row.";

        Assert.Empty(FaithfulnessCheck.Check("A farm has 140 hives.", student, "The total is 700 bees. Then 700 / 35 = 20 bees per row. The answer is 20."));
    }

    [Fact]
    public void A_computation_the_student_wrote_wrong_is_the_students_and_not_a_finding()
    {
        var student = "So 23 + 25 = 47, no wait, 48. Then 48 + 20 = 68.";

        Assert.Empty(FaithfulnessCheck.Check("Ages 23, 25 and 20.", student, "So 23 + 25 = 47, no wait, 48. Then 48 + 20 = 68. The answer is 68."));
    }

    [Fact]
    public void A_rounded_number_of_the_students_and_a_percentage_as_a_fraction_are_supported()
    {
        var student = "ln(1.005) ≈ 0.0049875417, and the rate is 20%.";

        Assert.Empty(FaithfulnessCheck.Check("A rate of 20 percent.", student, "ln(1.005) ≈ 0.0049875 and the rate is 0.2. The answer is 0.2."));
    }
}
