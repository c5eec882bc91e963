using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Heuristic;

namespace Drp.Core.Tests.Teachers;

/// <summary>How the offline teacher's pruned traces read: their opening, comments, repeats, dead ends and announcements.</summary>
public sealed class ReadablePruningTests
{
    [Theory]
    [InlineData("That makes sense. So 3 * 4 = 12.", "So 3 * 4 = 12.")]
    [InlineData("Okay, that seems straightforward. 3 * 4 = 12.", "3 * 4 = 12.")]
    [InlineData("That makes sense because each box holds 4, so 3 * 4 = 12.", "That makes sense because each box holds 4, so 3 * 4 = 12.")]
    [InlineData("Sometimes these problems can be a bit tricky, but if I take it one piece at a time, I think I can manage. 3 * 4 = 12.", "3 * 4 = 12.")]
    [InlineData("This part is tricky because the 12 boxes hold 4 each.", "This part is tricky because the 12 boxes hold 4 each.")]
    [InlineData("Right side: 5 * 2 = 10", "Right side: 5 * 2 = 10")]
    [InlineData("Right, so 5 * 2 = 10", "5 * 2 = 10")]
    [InlineData("First term: 0.005", "First term: 0.005")]
    [InlineData("First, 5 * 2 = 10", "5 * 2 = 10")]
    [InlineData("Let me do that in my head. 10 plus 20 is 30.", "10 plus 20 is 30.")]
    [InlineData("16 divided by 2 is 8. Got that down.", "16 divided by 2 is 8.")]
    [InlineData("Days in 4 weeks: 4*7=28. Correct. Eggs: 28*3=84.", "Days in 4 weeks: 4*7=28. Eggs: 28*3=84.")]
    [InlineData("\\(y = \\frac{4}{9}\\). Good.", "\\(y = \\frac{4}{9}\\).")]
    [InlineData("I need 26 times 1000. That should be straightforward. 26 times 1000 is 26,000.", "I need 26 times 1000. 26 times 1000 is 26,000.")]
    [InlineData("Half of 68 is... let me calculate that. 68 divided by 2 is 34.", "Half of 68 is... 68 divided by 2 is 34.")]
    [InlineData("The answer is correct. 5 * 3 = 15.", "The answer is correct. 5 * 3 = 15.")]
    [InlineData("Let me do that multiplication. 15 * 5 is 75.", "15 * 5 is 75.")]
    [InlineData("Let me write this as an equation to make it clearer.", "Let me write this as an equation to make it clearer.")]
    [InlineData("Let me compute that: 15 * 5 is 75.", "15 * 5 is 75.")]
    [InlineData("Let me compute that first. 15*15 is 225.", "15*15 is 225.")]
    [InlineData("6 times 60... 6 times 60 is 360.", "6 times 60 is 360.")]
    [InlineData("162 divided by 18... 18 times 9 is 162.", "162 divided by 18... 18 times 9 is 162.")]
    [InlineData("15 packs cost 15 * $5.00. Let me do the math. 15 * 5 is 75.", "15 packs cost 15 * $5.00. 15 * 5 is 75.")]
    [InlineData("So far, I have x = 10 / A.", "So far, I have x = 10 / A.")]
    [InlineData("Okay, so far I have x = 10 / A.", "So far I have x = 10 / A.")]
    [InlineData("So, sin(A/2) = 3 / √39.", "sin(A/2) = 3 / √39.")]
    [InlineData("So, sqrt(13 + y^2) = 13.", "sqrt(13 + y^2) = 13.")]
    [InlineData("So, since A is acute, cos A > 0.", "Since A is acute, cos A > 0.")]
    [InlineData("Now that x = 5, y = 2x = 10.", "Now that x = 5, y = 2x = 10.")]
    [InlineData("0.4 times 80 is... 32. Then 48 - 24 = 24...", "0.4 times 80 is 32. Then 48 - 24 = 24...")]
    [InlineData("23 plus 25 is... 23 + 20 is 43, then 48.", "23 plus 25 is... 23 + 20 is 43, then 48.")]
    [InlineData("550 divided by 4 is... let me do that division. 4 goes into 550 about 137 times.", "550 divided by 4 is... 4 goes into 550 about 137 times.")]
    [InlineData("I can calculate 2/5 of 80. Let me write that down:", "I can calculate 2/5 of 80.")]
    [InlineData("Hmm, let me think about how to model this. Each toss is independent.", "Each toss is independent.")]
    [InlineData("Let me write that down to visualize it better: 441 + 2*(21)*(19) + 361 = x.", "441 + 2*(21)*(19) + 361 = x.")]
    [InlineData("Let me think about the units first.", "Let me think about the units first.")]
    [InlineData("Let me make sure I didn't miscalculate. 12 plus 4 is 16.", "12 plus 4 is 16.")]
    [InlineData("So 20 - 16 = 4. Let me double-check.", "20 - 16 = 4.")]
    [InlineData("Let me check the units: 4 feet is 48 inches.", "Let me check the units: 4 feet is 48 inches.")]
    [InlineData("Let me try to break this down step by step. Sometimes these word problems can get a bit confusing, but if I take it one step at a time, I should be able to solve it. F is the total.", "F is the total.")]
    [InlineData("Let me write down the prices: $3 and $4.", "Let me write down the prices: $3 and $4.")]
    [InlineData("Its conjugate should be \\(5 - \\sqrt{3}\\). So, that makes sense.", "Its conjugate should be \\(5 - \\sqrt{3}\\).")]
    [InlineData("I need \\( (5 + \\sqrt{3})(5 - \\sqrt{3}) \\). I think this is a difference of squares.", "I need \\( (5 + \\sqrt{3})(5 - \\sqrt{3}) \\). This is a difference of squares.")]
    [InlineData("The ways number 9!/(5!2!), right? Then 9!/(5!2!) = 1512.", "The ways number 9!/(5!2!). Then 9!/(5!2!) = 1512.")]
    public void Comments_on_the_work_are_filler_explanations_are_not(string step, string compressed)
    {
        Assert.Equal(compressed, FillerRemover.Compress(step));
    }

    [Fact]
    public async Task A_kept_step_that_works_with_a_symbol_keeps_the_step_that_says_what_it_is()
    {
        var pruned = await PruneAsync(
            "Find the odd integer $t$ with $0<t<23$ such that $(t+1)^2 \\equiv 2 \\pmod{23}$.",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Hmm, okay, so I need to find all x such that x² ≡ 2 mod 23.\n\n"
            + "Then t + 1 will be equal to x, so t = x - 1.\n\n5² = 25 ≡ 2 mod 23, and 18² = 324 ≡ 2 mod 23.\n\n"
            + "So x = 5 or x = 18, and t = 4 or t = 17; the odd one is 17.",
            "17");

        Assert.StartsWith("I need to find all x such that x² ≡ 2 mod 23.", pruned);
    }

    [Fact]
    public async Task A_step_opening_with_hesitation_that_works_with_a_result_is_kept_one_that_doubts_it_is_not()
    {
        var pruned = await PruneAsync(
            "If xy = 24, xz = 48 and yz = 72, what is x?",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Multiplying the three equations, (xyz)² = 24 · 48 · 72 = 82944, so xyz is 288.\n\n"
            + "Okay, so x = 288 / 72.\n\nHmm, maybe it is 288 / 48 instead.\n\nSo x = 4.",
            "4");

        Assert.Contains("x = 288 / 72.", pruned);
        Assert.DoesNotContain("288 / 48", pruned);
    }

    [Theory]
    [InlineData("Is that 1/4 of the invited guests or of the attendees?", true)]
    [InlineData("Maybe it's 5 * (2/5) more.", true)]
    [InlineData("Does that mean Brian had 20 - 5 games?", true)]
    [InlineData("Okay, a_1 = -25 and d = 75 are correct.", true)]
    [InlineData("Wait, 119/144 is 238/288.", false)]
    [InlineData("Well, 1 * 1.005 = 1.005.", false)]
    public void A_question_or_a_hedge_doubts_the_work(string text, bool doubts)
    {
        Assert.Equal(doubts, SkillClassifier.Doubts(text));
    }

    [Theory]
    [InlineData("Then t = x - 1, so I need x.", "tx")]
    [InlineData("Take a number and f(n) of it.", "fn")]
    [InlineData("This is a good start, and I think so.", "")]
    [InlineData("Seth's age = 2B", "B")]
    public void A_symbol_is_a_letter_in_the_mathematics(string text, string symbols)
    {
        Assert.Equal(symbols, string.Concat(Symbols.Used(text).Order()));
    }

    [Theory]
    [InlineData("I need all x such that x² ≡ 2.", "x")]
    [InlineData("Let x be the smaller number.", "x")]
    [InlineData("So x = 5.", "x")]
    [InlineData("Let's say that Brooke's current age is B years.", "B")]
    [InlineData("I can call the number in each group as 'x'.", "x")]
    [InlineData("Then x - 1 is even.", "")]
    [InlineData("If c is the middle term, it is in the list.", "")]
    [InlineData("Let's say the answer is a number.", "")]
    public void A_definition_says_what_a_symbol_stands_for(string text, string defined)
    {
        Assert.Equal(defined, string.Concat(Symbols.Defined(text).Order()));
    }

    [Fact]
    public async Task An_announcement_in_words_goes_with_the_repeat_it_announced()
    {
        var pruned = await PruneAsync(
            "Solve t² + 2t - 1 ≡ 0 (mod 23) for an odd t below 23.",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Moving 1 over gives:\n\nt² + 2t - 1 ≡ 0 (mod 23), where t is odd.\n\n"
            + "The equation is:\n\nt² + 2t - 1 ≡ 0 (mod 23), where t is odd.\n\n"
            + "Completing the square, (t + 1)² ≡ 2, so t + 1 ≡ 18 and t = 17.",
            "17");

        Assert.DoesNotContain("The equation is:", pruned);
        Assert.Contains("Moving 1 over gives:\n\nt² + 2t - 1 ≡ 0 (mod 23), where t is odd.\n\nCompleting the square", pruned);
    }

    [Theory]
    [InlineData("Her savings will be $10 plus $20 from babysitting, which is $30.")]
    [InlineData("That's 2 multiplied by $20, which equals $40.")]
    [InlineData("This gives €1090 + €157 = €1247.")]
    [InlineData("So the total is \\$3 times \\$4.")]
    public void Amounts_of_money_are_computed_with(string sentence)
    {
        Assert.True(SkillClassifier.Computes(sentence));
    }

    [Theory]
    [InlineData("That would be 28 days * 3 eggs/day.", true)]
    [InlineData("For each class, she makes 15 students * $15.", true)]
    [InlineData("180 minutes × 2 peaches per minute.", true)]
    [InlineData("She has 15 students and charges $15.", false)]
    public void Quantities_with_their_units_are_computed_with(string sentence, bool computes)
    {
        Assert.Equal(computes, SkillClassifier.Computes(sentence));
    }

    [Theory]
    [InlineData("Which means (t + 1)² ≡ 2 (mod 23).")]
    [InlineData("So the area is πr.")]
    [InlineData("Then θ = π/4.")]
    [InlineData("The side is √2 long.")]
    [InlineData("Add \\dfrac{1}{2} and \\dfrac{1}{3}.")]
    [InlineData("There are \\binom{5}{2} ways.")]
    public void Mathematics_written_in_symbols_is_mathematics(string sentence)
    {
        Assert.True(SkillClassifier.IsSymbolic(sentence));
    }

    [Theory]
    [InlineData("The towels are 2 times 4, which is 8.", "2*4=8")]
    [InlineData("4 × 2 = 8 towels", "2*4=8")]
    [InlineData("Subtract 180, so 365-180 is 185.", "365-180=185")]
    [InlineData("2 + 1 + 4 + 8 = 15", "")]
    [InlineData("1,200 / 4 = 300", "1200/4=300")]
    [InlineData("€1500 - €1423 = €77", "1500-1423=77")]
    public void A_computation_is_read_in_one_spelling_whatever_its_words(string sentence, string computation)
    {
        Assert.Equal(computation, string.Join(" ", Numbers.Computations(sentence)));
    }

    [Fact]
    public async Task A_trace_opens_with_what_its_first_kept_step_points_at_and_says_each_sentence_once()
    {
        var pruned = await PruneAsync(
            "Jason has 1000 minutes and talks 15 minutes a day for 30 days. How many are left?",
            "Jason has a plan of 1000 minutes. He uses some of those minutes for calls.\n\n"
            + "The total talk time is 15 * 30 = 450 minutes.\n\n"
            + "The total talk time is 15 * 30 = 450 minutes. He has 1000 - 450 = 550 minutes left.",
            "550");

        Assert.DoesNotMatch(@"^\s*He uses", pruned);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pruned, @"15 \* 30 = 450"));
        Assert.EndsWith("The answer is 550.", pruned);
    }

    [Fact]
    public async Task A_trace_does_not_open_on_a_thing_named_before_it()
    {
        var pruned = await PruneAsync(
            "A tank holds 120 liters. Celine used 90 liters, then collected twice what was left. How many liters are in the tank now?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "I note that the water tank initially contains 120 liters of water.\n\n"
            + "Celine uses 90 liters of this water, leaving 120 - 90 = 30 liters in the tank.\n\n"
            + "The rain adds 2 * 30 = 60 liters, so the tank holds 30 + 60 = 90 liters.\n\n"
            + "Wait, let me double-check that: 30 + 60 = 90, and 90 is less than 120, so it fits in the tank.",
            "90");

        Assert.StartsWith("I note that the water tank initially contains 120 liters of water.", pruned);
    }

    [Theory]
    [InlineData("She brought 5 apples and 8 oranges, 13 fruits.", "Morisette brought 5 apples and 8 oranges, 13 fruits.")]
    [InlineData("Her 5 apples and 8 oranges are 13 fruits.", "Morisette's 5 apples and 8 oranges are 13 fruits.")]
    [InlineData("She's got 5 apples and 8 oranges, 13 fruits.", "Morisette's got 5 apples and 8 oranges, 13 fruits.")]
    public async Task A_trace_does_not_open_on_a_pronoun_for_a_person_named_in_deleted_text(string opening, string named)
    {
        var pruned = await PruneAsync(
            "Morisette brought 5 apples and 8 oranges, and Kael brought twice the apples and half the oranges. How many fruits do they have?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "First, let's look at what Morisette brought.\n\n"
            + opening + "\n\nKael brought 2 * 5 = 10 apples and 8 / 2 = 4 oranges, 14 fruits.\n\nTogether 13 + 14 = 27.",
            "27");

        Assert.StartsWith(named, pruned);
    }

    [Fact]
    public async Task A_trace_that_opens_so_far_keeps_its_first_word()
    {
        var pruned = await PruneAsync(
            "Two numbers x and y satisfy x = 10 / 2 and y = x + 3. What is y?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "So far, x = 10 / 2 = 5.\n\nThen y = 5 + 3 = 8.",
            "8");

        Assert.StartsWith("So far, x = 10 / 2 = 5.", pruned);
    }

    [Theory]
    [InlineData("Specifically, 1 foot is 12 inches")]
    [InlineData("In this case, 1 foot is 12 inches")]
    [InlineData("Or, 1 foot is 12 inches")]
    [InlineData("Like, 1 foot is 12 inches")]
    public async Task A_trace_does_not_open_on_a_word_that_tied_it_to_deleted_text(string opening)
    {
        var pruned = await PruneAsync(
            "What fraction of 2 feet is 3 inches?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + opening + ", so 2 feet is 2 * 12 = 24 inches.\n\nThen 3 / 24 = 1/8.",
            "\\dfrac{1}{8}");

        Assert.StartsWith("1 foot is 12 inches", pruned);
    }

    [Theory]
    [InlineData("Because you can't have a fraction of a limb.")]
    [InlineData("Does that mean it grows 5 arms?")]
    [InlineData("The problem says an arm grows every 3 days of that.")]
    [InlineData("It is in danger there.")]
    public async Task A_trace_does_not_open_on_a_sentence_that_leans_on_deleted_text(string opening)
    {
        var pruned = await PruneAsync(
            "A serum grows an arm every 3 days. How many arms grow in 15 days?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "I should divide the days by the interval and take the whole part.\n\n"
            + opening + " 15 / 3 = 5.\n\nSo 5 arms grow.",
            "5");

        Assert.StartsWith("I should divide the days by the interval", pruned);
    }

    [Fact]
    public async Task Values_tried_in_turn_keep_the_value_each_trial_is_of()
    {
        var pruned = await PruneAsync(
            "Real numbers x = 10 / A and y = 5A / 2 satisfy (10 / A)^A = 5A / 2. Find xy.",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Substituting A = 2:\n\nLeft side: (10 / 2)^2 = 25\n\nRight side: (5 * 2) / 2 = 5\n\n25 ≠ 5.\n\n"
            + "Okay, how about A = 1?\n\nLeft side: (10 / 1)^1 = 10\n\nRight side: (5 * 1) / 2 = 2.5\n\n"
            + "Maybe A = 5?\n\nLeft side: (10 / 5)^5 = 32\n\nRight side: (5 * 5) / 2 = 12.5\n\n"
            + "No trial is needed for xy: xy = (10 / A) * (5A / 2) = 50 / 2 = 25.",
            "25");

        Assert.Contains("How about A = 1?", pruned);
        Assert.Contains("Maybe A = 5?", pruned);
        Assert.Contains("25 ≠ 5.", pruned);
    }

    [Fact]
    public async Task A_list_is_not_entered_in_its_middle()
    {
        var pruned = await PruneAsync(
            "Henry wants twice as many cookies as last year, bakes 15 more than he meant to, drops 5 and has 110. How many did he bake last year?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "1. He wants to make twice as many as last year.\n2. But he baked 15 more than he meant to.\n"
            + "3. Then he dropped 5 cookies, resulting in 110 cookies left.\n\n"
            + "Before dropping he had 110 + 5 = 115, he meant to bake 115 - 15 = 100, so last year he baked 100 / 2 = 50.",
            "50");

        Assert.DoesNotMatch(@"^2\.", pruned);
    }

    [Theory]
    [InlineData("That can't be right.", true)]
    [InlineData("I must have messed up somewhere.", true)]
    [InlineData("Hmm, that gives a negative number, which doesn't make sense.", true)]
    [InlineData("Oh no, I made a mistake in the conversion.", true)]
    [InlineData("That doesn't make sense if it's a square.", true)]
    [InlineData("Hmm, that didn't make sense.", true)]
    [InlineData("I haven't messed up anything so far.", false)]
    [InlineData("Let me double-check to make sure I didn't make a mistake.", false)]
    [InlineData("Did I make a mistake?", false)]
    [InlineData("If that's wrong, the total changes.", false)]
    [InlineData("That is correct.", false)]
    [InlineData("This indicates that my initial assumption about the number of students in the two equal groups might be incorrect.", true)]
    [InlineData("The first approach was wrong.", true)]
    [InlineData("So my earlier approach is flawed.", false)]
    [InlineData("If my assumption is wrong, the total changes.", false)]
    [InlineData("Wait, maybe my approach is wrong.", false)]
    [InlineData("The equation is correct.", false)]
    public void An_admission_says_the_work_failed_a_doubt_does_not(string sentence, bool admits)
    {
        Assert.Equal(admits, AbandonedAttempts.IsAdmission(sentence));
    }

    [Fact]
    public async Task An_attempt_given_up_as_a_wrong_assumption_goes_with_the_admission()
    {
        var pruned = await PruneAsync(
            "200 students are split into 3 groups: 2 equal ones, and the smallest, which is 10 less than each of the others. How many are in the smallest group?",
            "Let x be the number of students in the smallest group, and each equal group has x students too.\n\n"
            + "The equation is x + x + (x + 10) = 200.\n\n3x + 10 = 200.\n\n3x = 190 and x = 190/3.\n\n"
            + "That is not a whole number. This indicates that my initial assumption about the two equal groups might be incorrect.\n\n"
            + "Let y be the number in each larger group. Then y + y + (y - 10) = 200, so 3y = 210 and y = 70.\n\n"
            + "The smallest group has 70 - 10 = 60 students.",
            "60");

        Assert.DoesNotContain("190", pruned);
        Assert.DoesNotContain("assumption", pruned);
        Assert.DoesNotContain("Let x", pruned);
        Assert.DoesNotContain("x + x + (x + 10)", pruned);
        Assert.Contains("3y = 210", pruned);
    }

    [Fact]
    public async Task A_share_out_of_the_answer_is_not_the_answer_stated_again()
    {
        var pruned = await PruneAsync(
            "Of 20 cars, 12 are automatic, 4 are manual and the rest are semi-automatic. What percentage are semi-automatic?",
            "There are 20 - 12 - 4 = 4 semi-automatic cars.\n\n"
            + "The percentage is 4 / 20 * 100, which gives 20%.\n\n"
            + "Let me think again. 12 + 4 = 16, and 20 - 16 = 4 semi-automatic, 4 out of 20.",
            "20");

        Assert.DoesNotContain("Let me think again", pruned);
        Assert.DoesNotContain("4 out of 20", pruned);
    }

    [Fact]
    public async Task A_share_out_of_a_number_like_the_answer_does_not_state_it()
    {
        var pruned = await PruneAsync(
            "Of 20 cars, 12 are automatic, 4 are manual and the rest are semi-automatic. What percentage are semi-automatic?",
            "So 4 out of 20 cars are semi-automatic.\n\nWait, is that right? 20 - 12 - 4 = 4, yes.\n\n"
            + "The percentage is 4 / 20 * 100 = 20%.",
            "20");

        Assert.Contains("4 / 20 * 100 = 20%", pruned);
    }

    [Fact]
    public async Task A_step_that_reads_the_points_of_the_question_figure_is_kept()
    {
        var pruned = await PruneAsync(
            "What is the distance from point $A$ to point $B$?\n\n[asy]\ndraw((0,2)--(12,10));\nlabel(\"B\",(0,2),W);\nlabel(\"A\",(12,10),E);\n[/asy]",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Then a diagonal line from (0,2) to (12,10), which is point A.\n\n"
            + "The legs are 12 - 0 = 12 and 10 - 2 = 8, so AB = sqrt(144 + 64) = sqrt(208) ≈ 14.4.",
            "14.4");

        Assert.StartsWith("A diagonal line from (0,2) to (12,10), which is point A.", pruned);
    }

    [Fact]
    public async Task An_equation_written_again_in_another_spelling_is_kept_once()
    {
        var pruned = await PruneAsync(
            "Find the odd t with 0 < t < 23 such that t + 2 is the inverse of t modulo 23.",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "t * (t + 2) ≡ 1 mod 23.\n\nt(t + 2) ≡ 1 (mod 23).\n\n"
            + "Completing the square, (t + 1)² ≡ 2 (mod 23), so t + 1 ≡ 18 and t = 17.",
            "17");

        Assert.Contains("t * (t + 2) ≡ 1 mod 23.", pruned);
        Assert.DoesNotContain("t(t + 2)", pruned);
    }

    [Fact]
    public async Task A_computation_posed_as_a_question_stays_with_the_work_that_answers_it()
    {
        var pruned = await PruneAsync(
            "A farm has 29524 rows of 3 plants and 1 more plant. How many plants are there?",
            "Hmm, is it 3 rows? No.\n\nSo, 3 * 29524 = ?\n\n3 * 29524 = 88572, plus 1 is 88573.",
            "88573");

        Assert.Contains("3 * 29524 = ?", pruned);
        Assert.DoesNotContain("Hmm", pruned);
    }

    [Fact]
    public async Task A_label_stays_when_a_kept_step_refers_to_it()
    {
        var pruned = await PruneAsync(
            "Two numbers add to 10 and differ by 4. What is the larger one?",
            "Hmm, I wonder whether there is a quicker way. Let me think about it for a moment before I start.\n\n"
            + "x + y = 10.\n\nLet's call this equation (1).\n\nx - y = 4.\n\nLet's call this equation (2).\n\n"
            + "Adding equation (1) and equation (2) gives 2x = 14, so x = 7.",
            "7");

        Assert.Contains("equation (1).", pruned);
        Assert.Contains("equation (2).", pruned);
    }

    [Fact]
    public async Task A_kept_result_that_points_back_keeps_the_step_it_points_at()
    {
        var pruned = await PruneAsync(
            "Janeth borrowed $2000 and must return 10% more. She pays $165 a month for 12 months. How much does she still owe?",
            "Hmm, okay, let me read the problem again carefully to make sure I understand what is being asked here.\n\n"
            + "She must return $2000 plus 10% of $2000, which is $2200.\n\n"
            + "Wait, is it 10% of the amount or 10% per month? I think it is 10% of the amount, so that part is right.\n\n"
            + "Next, I'll multiply the monthly payment of $165 by 12 months.\n\n"
            + "This gives a total payment of $1980.\n\n"
            + "So she still owes $2200 - $1980 = $220.",
            "220");

        Assert.Contains("multiply the monthly payment of $165 by 12 months.\n\nThis gives a total payment of $1980.", pruned);
        Assert.DoesNotContain("read the problem again", pruned);
        Assert.DoesNotContain("per month?", pruned);
    }

    [Fact]
    public async Task An_abandoned_attempt_goes_as_a_whole_and_the_approach_that_worked_stays()
    {
        var pruned = await PruneAsync(
            "Aya walks 9 km at 3 km per hour and then rests 2 hours. How many hours does it all take?",
            "The walk takes 9 * 3 = 27 hours.\n\nThat can't be right. I must have messed up.\n\n"
            + "Time is distance over speed, so the walk takes 9 / 3 = 3 hours.\n\nThat is better than earlier, when I got 27 hours.\n\n"
            + "With the rest, 3 + 2 = 5 hours.",
            "5");

        Assert.DoesNotContain("27", pruned);
        Assert.DoesNotContain("messed up", pruned);
        Assert.DoesNotContain("earlier", pruned);
        Assert.Contains("9 / 3 = 3", pruned);
        Assert.Contains("3 + 2 = 5", pruned);
    }

    [Fact]
    public async Task A_result_used_rounded_after_an_admission_is_not_part_of_the_dead_end()
    {
        var pruned = await PruneAsync(
            "A rate grows by a factor of 1.005 each month. Using ln(1.005), what is the yearly log growth?",
            "ln(1.005) ≈ 0.005 - 0.0000125 + 0.0000000417 ≈ 0.0049875417\n\nSo ln(1.005) ≈ 0.0049875.\n\n"
            + "Then 12 + 0.0049875 = 12.0049875.\n\nThat can't be right.\n\nThe yearly growth is 12 * 0.0049875 = 0.05985.",
            "0.05985");

        Assert.Contains("≈ 0.0049875417", pruned);
        Assert.DoesNotContain("12.0049875", pruned);
        Assert.DoesNotContain("can't be", pruned);
    }

    [Fact]
    public async Task A_check_does_not_come_back_for_a_number_a_kept_step_works_out_itself()
    {
        var pruned = await PruneAsync(
            "Charlie had 31 stickers and got 23 more for his birthday. Then he gave 9 to his sister. How many are left?",
            "31 + 23 = 54.\n\nLet me check again: 30 plus 20 is 50, 1 plus 3 is 4, so 50 + 4 = 54. Yeah, that's correct.\n\n"
            + "Now 54 minus 4 is 50, then minus 5 more is 45.",
            "45");

        Assert.DoesNotContain("check again", pruned);
        Assert.Contains("54 minus 4 is 50", pruned);
    }

    [Fact]
    public async Task A_copy_of_the_question_goes_even_with_its_equation_and_the_equation_is_no_label()
    {
        var pruned = await PruneAsync(
            "The point $(a, b)$ lies on the line with the equation $3x + 2y = 12.$ When $a = 4$, what is the value of $b$?",
            "The problem says: the point (a, b) lies on the line with the equation 3x + 2y = 12.\n\n"
            + "Okay, so I have this problem here: The point (a, b) lies on the line with the equation 3x + 2y = 12. Hmm, let me think.\n\n"
            + "I can substitute x with 4 in the equation 3x + 2y = 12.\n\n3*4 + 2y = 12, so 2y = 0 and b = 0.\n\n"
            + "Wait, let me double-check that by plugging the point back in: 3 times 4 is 12 and 2 times 0 is 0, and 12 + 0 = 12, "
            + "which matches the equation of the line, so the value of b must be 0 and I am fairly confident about it.",
            "0");

        Assert.DoesNotContain("lies on the line", pruned);
        Assert.StartsWith("I can substitute", pruned);
    }

    [Fact]
    public async Task A_numbered_list_keeps_its_numbers_and_a_pointer_back_skips_a_comment()
    {
        var pruned = await PruneAsync(
            "Hillary has eleven coins, all dimes and nickels, worth 75 cents. How many nickels does she have?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Alright, so now I have a system of two equations:\n1. D + N = 11\n2. 10D + 5N = 75\n\nSo, that makes sense.\n\n"
            + "Now I solve these two equations: D = 11 - N, so 10(11 - N) + 5N = 75, 110 - 5N = 75 and N = 7.",
            "7");

        Assert.Contains("1. D + N = 11\n2. 10D + 5N = 75", pruned);
        Assert.DoesNotContain("makes sense", pruned);
    }

    [Fact]
    public async Task A_quantity_named_only_to_be_set_aside_does_not_bring_its_dead_end_back()
    {
        var pruned = await PruneAsync(
            "A horse runs 30 minutes at 32 miles per hour and eats half a bale per mile at 3 dollars a bale. What does the hay cost?",
            "30 minutes is 30 / 2 = 15 hours.\n\nSo the horse runs 32 * 15 = 480 miles.\n\n"
            + "Hmm, that doesn't make sense. 30 minutes is 0.5 hours.\n\nSo the distance is 32 * 0.5 = 16 miles, not 480.\n\n"
            + "It eats 16 / 2 = 8 bales, which cost 8 * 3 = 24 dollars.",
            "24");

        Assert.DoesNotContain("15 hours", pruned);
        Assert.DoesNotContain("make sense", pruned);
        Assert.DoesNotContain("= 480", pruned);
        Assert.Contains("32 * 0.5 = 16", pruned);
    }

    [Fact]
    public async Task A_step_that_announces_the_computation_after_it_is_kept_with_it()
    {
        var pruned = await PruneAsync(
            "If x + y = 5 and 4x + y = 14, what is x?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "First, let's subtract the first equation from the second:\n\n(4x + y) - (x + y) = 14 - 5, so 3x = 9.\n\n"
            + "So x = 9 / 3 = 3.\n\nWait, let me double-check that: 3 + y = 5 gives y = 2, and 12 + 2 = 14, which matches.",
            "3");

        Assert.Contains("subtract the first equation from the second:", pruned);
        Assert.Contains("\nx = 9 / 3 = 3", pruned.Replace("3x = 9. x", "3x = 9.\nx"));
    }

    [Fact]
    public async Task A_sentence_that_states_a_result_found_is_kept()
    {
        var pruned = await PruneAsync(
            "Tom has 5 boxes with 6 pens each and gives away 4 pens. How many pens does Tom have left?",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n5 * 6 = 30.\n\n"
            + "So Tom has 30 pens stored altogether inside the cardboard boxes.\n\nHe gives away 4, so 30 - 4 = 26.\n\n"
            + "Wait, let me double-check that: 26 + 4 = 30, which matches the total.",
            "26");

        Assert.Contains("30 pens stored altogether", pruned);
    }

    [Fact]
    public async Task A_check_after_a_latex_answer_was_first_reached_is_cut()
    {
        var pruned = await PruneAsync(
            "Two of 8 equally likely outcomes are good. What is the probability of a good outcome?",
            "Two good outcomes of 8 give 2/8, which simplifies to 1/4.\n\nWait, let me double-check that another way.\n\n"
            + "The bad outcomes are 8 - 2 = 6, so the good share is 1 - 6/8 = 2/8.\n\nSo it is 1/4 again.",
            "\\dfrac{1}{4}");

        Assert.Contains("2/8, which simplifies to 1/4", pruned);
        Assert.DoesNotContain("8 - 2 = 6", pruned);
    }

    [Fact]
    public async Task A_recap_after_an_answer_stated_as_thats_is_cut()
    {
        var pruned = await PruneAsync(
            "They sold 5 gallons and each gallon took $3 of lemons. How much did they spend on lemons?",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "For 5 gallons, the lemons cost 5 * $3. That's $15.\n\n"
            + "Hold on, let me check my steps again to make sure I didn't skip anything.\n\n"
            + "1. Cost per gallon of lemons: $3.\n\n2. Total spent on lemons: 5 gallons * $3 = $15.",
            "15");

        Assert.DoesNotContain("Total spent on lemons", pruned);
        Assert.Contains("That's $15.", pruned);
    }

    [Fact]
    public async Task Equations_on_separate_lines_are_not_run_together()
    {
        var pruned = await PruneAsync(
            "A bridge carries at most 5000 pounds. The truck weighs 3755 pounds and each box 15 pounds. How many boxes can it carry?",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "3755 + 15n ≤ 5000\n\n5000 - 3755 = 1245\n\n1245 / 15 = 83\n\nWait, let me double-check: 83 * 15 = 1245, which fits.",
            "83");

        Assert.DoesNotContain("5000 5000", pruned);
        Assert.Contains("5000 - 3755 = 1245", pruned);
    }

    [Fact]
    public async Task A_bullet_stays_on_a_line_of_its_own()
    {
        var pruned = await PruneAsync(
            "A room has 2 sheets and twice as many pillow cases as sheets. How many pieces are in 80 rooms?",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "A room has 2 + 4 = 6 pieces.\n- Pillow cases per room: 2 * 2 = 4\n- Pieces in 80 rooms: 6 * 80 = 480",
            "480");

        Assert.Contains("6 pieces.\n- Pillow cases per room: 2 * 2 = 4\n- Pieces in 80 rooms", pruned);
    }

    [Fact]
    public async Task A_computation_said_again_is_said_once_but_a_list_item_or_an_announced_line_stays()
    {
        var pruned = await PruneAsync(
            "A team has 5 players on each of 12 courts and 3 teams. How many players are there? Compute 3(1+3(1+3)).",
            "Okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Each team has 12 times 5, which is 60 players.\n\nSo 5*12=60 players.\n\nD + 2D = 30.\n\nD + 2D = 30.\n\n"
            + "Adding D to 2D:\n\nD + 2D = 30.\n\n"
            + "1 + 3 = 4\n\nLayer 1: 1 + 3 = 4\n\nLayer 2: 1 + 3(4) = 13\n\nThen 3 + 1 is 4, write down 4.\n\n"
            + "So 60 * 3 = 180 players and 3 * 13 = 39.",
            "39");

        Assert.DoesNotContain("5*12=60 players", pruned);
        Assert.Contains("Then 3 + 1 is 4, write down 4.", pruned);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(pruned, @"D \+ 2D = 30\.").Count);
        Assert.Contains("Adding D to 2D:\n\nD + 2D = 30.", pruned);
        Assert.Contains("Layer 1: 1 + 3 = 4", pruned);
    }

    [Fact]
    public async Task A_plan_that_names_the_expression_it_computes_is_kept_with_the_computation()
    {
        var pruned = await PruneAsync(
            "A deposit grows by a factor of 1.005 each month. What is ln(1.005), to four decimal places?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Let's compute ln(1.005) first.\n\nln(1.005) ≈ 0.005 - 0.0000125 = 0.0049875\n\n"
            + "Wait, let me double-check that: 0.0049875 rounds to 0.0050.",
            "0.0050");

        Assert.Contains("Let's compute ln(1.005) first.", pruned);
        Assert.DoesNotContain("Let me think", pruned, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_computation_asked_as_a_tag_question_or_headed_right_side_is_work_not_doubt()
    {
        var pruned = await PruneAsync(
            "10 plates go around a round table: 5 blue, 2 red, 2 green and 1 orange. Does x = 2 solve x^2 + 6 = 5x, and how many arrangements are there?",
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "Left side: 2^2 + 6 = 10\n\nRight side: 5 * 2 = 10\n\n"
            + "So the number of arrangements is (10 - 1)! / (5! * 2! * 2!), right?\n\n"
            + "That is 362880 / 480 = 756.",
            "756");

        Assert.Contains("Right side: 5 * 2 = 10", pruned);
        Assert.Contains("(10 - 1)! / (5! * 2! * 2!).", pruned);
        Assert.DoesNotContain("right?", pruned);
    }

    [Fact]
    public async Task A_trace_does_not_open_on_a_pointer_after_a_short_phrase_and_a_clause_is_no_pointer()
    {
        const string question = "Each room has two sheets and twice as many pillow cases as sheets. How many pieces are in 80 rooms?";
        var pruned = await PruneAsync(
            question,
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "The problem says each room has two sheets.\n\nSo, for one room, that's 2 sheets.\n\n"
            + "The pillow cases are 2 * 2 = 4, so a room has 2 + 4 = 6 pieces, and 80 rooms have 6 * 80 = 480 pieces.",
            "480");
        var fromClause = await PruneAsync(
            question,
            "Hmm, okay, let me think about how to approach this problem carefully before I start.\n\n"
            + "It says there are twice as many pillow cases as sheets.\n\n"
            + "Since each room has 2 sheets, that means 2 * 2 = 4 pillow cases, so a room has 2 + 4 = 6 pieces and 80 rooms have 6 * 80 = 480.",
            "480");

        Assert.StartsWith("The problem says each room has two sheets.", pruned);
        Assert.StartsWith("Since each room has 2 sheets", fromClause);
    }

    private static async Task<string> PruneAsync(string question, string reasoning, string answer)
    {
        var record = new DrpRecord
        {
            Id = "t", Question = question, Gold = answer, Trace = new Model.Trace(reasoning, $"\\boxed{{{answer}}}", true),
        };
        var teacher = new HeuristicTeacher();
        return (await teacher.PruneAsync(record with { Steps = await teacher.DecomposeAsync(record) })).Reasoning;
    }
}
