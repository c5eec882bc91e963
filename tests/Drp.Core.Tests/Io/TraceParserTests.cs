using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class TraceParserTests
{
    [Theory]
    [InlineData("<think>\nReason.\n</think>\n\nAnswer.", "Reason.", "Answer.", true)]
    [InlineData("Reason without opening tag.\n</think>\nAnswer.", "Reason without opening tag.", "Answer.", true)]
    [InlineData("Cut off in the middle", "Cut off in the middle", "", false)]
    [InlineData("</think>", "", "", true)]
    [InlineData("<|begin_of_thought|>\n\nReason.\n\n<|end_of_thought|>\n\n<|begin_of_solution|>\n\nAnswer.\n\n<|end_of_solution|>", "Reason.", "Answer.", true)]
    [InlineData("<|begin_of_thought|>\n\nCut off", "Cut off", "", false)]
    public void Splits_reasoning_and_answer_at_closing_think(string text, string reasoning, string answer, bool complete)
    {
        var trace = TraceParser.Parse(text);

        Assert.Equal(reasoning, trace.Reasoning);
        Assert.Equal(answer, trace.Answer);
        Assert.Equal(complete, trace.Complete);
    }

    [Fact]
    public void Think_tags_given_name_the_markers_of_another_family()
    {
        var trace = TraceParser.Parse("<reasoning>Reason.</reasoning> Answer.", tags: ThinkTags.Parse("<reasoning>,</reasoning>"));

        Assert.Equal(("Reason.", "Answer.", true), (trace.Reasoning, trace.Answer, trace.Complete));
        Assert.Throws<FormatException>(() => ThinkTags.Parse("<reasoning>"));
    }
}
