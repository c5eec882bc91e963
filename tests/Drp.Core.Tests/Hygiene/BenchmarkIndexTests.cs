using System.Text.Json;
using Drp.Core.Hygiene;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Tests;
using Xunit;

namespace Drp.Core.Tests.Hygiene;

public sealed class BenchmarkIndexTests : IDisposable
{
    private const string Janet = "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?";

    private const string Stock = "can be written as $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers. Find $m+n$.";

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<BenchmarkIndex> IndexOf(params string[] questions)
    {
        var file = temp.Write("bench.jsonl", string.Join("\n", questions.Select(q => JsonSerializer.Serialize(new { problem = q }))) + "\n");
        return await BenchmarkIndex.LoadAsync([file], FieldMap.Auto);
    }

    [Fact]
    public async Task A_question_copied_with_other_numbers_is_caught()
    {
        var index = await IndexOf(Janet, "A robe takes 2 bolts of blue fiber and half that much white fiber.  How many bolts in total does it take?");

        var found = index.Find(Janet.Replace("16 eggs", "17 eggs").Replace("$2 per", "$3 per"));

        Assert.NotNull(found);
        Assert.Equal("bench.jsonl", found.Benchmark);
        Assert.Equal("line 1", found.Location);
        Assert.Equal(Janet, found.Question);
        Assert.Contains("100%", found.Shared);
    }

    [Fact]
    public async Task A_question_inside_a_prompt_and_in_other_case_and_spacing_is_caught()
    {
        var index = await IndexOf(Janet);

        Assert.NotNull(index.Find($"Solve the following problem step by step.\n\n{Janet.ToUpperInvariant().Replace(" ", "  ")}\n\nPut your final answer in \\boxed{{}}."));
    }

    [Fact]
    public async Task A_benchmark_question_given_twice_is_one_question_and_still_caught_with_other_numbers()
    {
        var index = await BenchmarkIndex.LoadAsync(
            [temp.Write("test.jsonl", JsonSerializer.Serialize(new { question = Janet }) + "\n"), temp.Write("test.csv", $"question,answer\n\"{Janet}\",18\n")],
            FieldMap.Auto);

        Assert.Equal(1, index.Count);
        Assert.Equal("test.jsonl", index.Find(Janet.Replace("16 eggs", "17 eggs"))?.Benchmark);
    }

    [Fact]
    public async Task Two_questions_that_share_a_twelve_word_phrase_are_not_caught()
    {
        const string phrase = "a farmer has a field of corn and a field of wheat";
        var index = await IndexOf($"On Monday {phrase}. The corn field is 30 acres and gives 120 bushels an acre. How many bushels of corn does he harvest?");

        Assert.Equal(12, QuestionWords.Of(phrase).Count);
        Assert.Null(index.Find($"Every spring {phrase}. He sells the wheat at $5 a bushel to a mill in town. What does the mill pay him?"));
    }

    [Fact]
    public async Task A_stock_phrase_many_benchmark_questions_share_does_not_make_a_question_contaminated()
    {
        var index = await IndexOf(
            $"Let $x$ be the probability that a fair coin shows heads three times in five tosses. This probability {Stock}",
            $"A regular hexagon is inscribed in a circle of radius 2 and a square in the hexagon. The ratio of their areas {Stock}");

        Assert.Null(index.Find($"Jen picks 4 distinct numbers from 1 to 10 and wins when two of hers are drawn. The probability of the grand prize {Stock}"));
    }

    [Fact]
    public async Task Formulas_that_differ_only_in_their_numbers_are_not_a_shared_run()
    {
        var index = await IndexOf("Find the remainder when $x^{10}+5x^9-8x^8+7x^7-x^6-12x^5+4x^4-8x^3+12x^2-5x-5$ is divided by $x^2-1$.");

        Assert.Null(index.Find("Suppose $x_1+4x_2+9x_3+16x_4+25x_5+36x_6+49x_7=1$ and $4x_1+9x_2+16x_3+25x_4+36x_5+49x_6+64x_7=12$. What is the value of the sum?"));
    }

    [Fact]
    public async Task A_short_question_is_caught_when_its_words_are_the_same_or_stand_in_the_other_with_the_same_numbers()
    {
        var index = await IndexOf("Compute $\\dbinom{8}{4}$.", "What is $\\sqrt{53}$ in simplest radical form?");

        Assert.Equal("the same words", index.Find("Compute $\\dbinom{8}{4}$")!.Shared);
        Assert.NotNull(index.Find("Please answer: what is $\\sqrt{53}$ in simplest radical form? Think step by step."));
        Assert.Null(index.Find("Compute $\\dbinom{10}{5}$."));
        Assert.Null(index.Find("What is $\\sqrt{54}$ in simplest radical form?"));
    }

    [Fact]
    public async Task A_record_that_asks_a_benchmark_question_is_rejected_as_contaminated_with_the_match_in_it()
    {
        var index = await IndexOf(Janet);
        var record = new DrpRecord { Id = "r1", Question = Janet, Trace = new Trace("I think 16 - 3 - 4 = 9.", "18", true) };

        var checkedRecord = index.Check(record);

        Assert.Equal(RejectReasons.Contaminated, checkedRecord.Rejected?.Reason);
        Assert.Equal(StageNames.Decontaminate, checkedRecord.Rejected?.Stage);
        Assert.Contains("bench.jsonl (line 1: \"Janet’s ducks", checkedRecord.Rejected?.Detail);
        Assert.Equal("bench.jsonl", checkedRecord.Contamination?.Benchmark);
        var clean = record with { Question = "How many legs do 3 spiders have?" };
        Assert.Same(clean, index.Check(clean));
    }

    [Fact]
    public async Task A_benchmark_file_without_questions_is_named_with_the_option_to_fix_it()
    {
        var file = temp.Write("answers.jsonl", "{\"answer\": 18}\n{\"answer\": 3}\n");

        var error = await Assert.ThrowsAsync<InputException>(() => BenchmarkIndex.LoadAsync([file], FieldMap.Auto));

        Assert.Contains("answers.jsonl: no benchmark question read", error.Message);
        Assert.Contains("--decontaminate-map question=PATH", error.Message);
        Assert.NotNull(await BenchmarkIndex.LoadAsync([temp.Write("named.jsonl", "{\"text\": \"" + Janet.Replace("\"", "") + "\"}\n")], FieldMap.Parse("question=text")));
    }
}
