using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class TraceParserTests
{
    [Theory]
    [InlineData("<think>\nReason.\n</think>\n\nAnswer.", "Reason.", "Answer.", true)]
    [InlineData("Reason without opening tag.\n</think>\nAnswer.", "Reason without opening tag.", "Answer.", true)]
    [InlineData("Cut off in the middle", "Cut off in the middle", "", false)]
    [InlineData("</think>", "", "", true)]
    public void Splits_reasoning_and_answer_at_closing_think(string text, string reasoning, string answer, bool complete)
    {
        var trace = TraceParser.Parse(text);

        Assert.Equal(reasoning, trace.Reasoning);
        Assert.Equal(answer, trace.Answer);
        Assert.Equal(complete, trace.Complete);
    }
}
