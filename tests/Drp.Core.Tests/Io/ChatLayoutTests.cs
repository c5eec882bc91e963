using System.Text.Json;
using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class ChatLayoutTests
{
    [Theory]
    [InlineData("""{"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "q"}, {"role": "assistant", "content": "t"}]}""", "q", "t")]
    [InlineData("""{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "t"}]}""", "q", "t")]
    [InlineData("""{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "t"}, {"role": "user", "content": "q2"}]}""", null, null)]
    [InlineData("""{"messages": [{"role": "assistant", "content": "t"}, {"role": "user", "content": "q"}]}""", null, null)]
    [InlineData("""{"messages": "not a list"}""", null, null)]
    public void One_user_turn_and_one_assistant_turn_after_it_are_the_question_and_the_trace(string json, string? question, string? trace)
    {
        var record = JsonDocument.Parse(json).RootElement;

        Assert.Equal(question, ChatLayout.Find(record, "question"));
        Assert.Equal(trace, ChatLayout.Find(record, "trace"));
    }
}
