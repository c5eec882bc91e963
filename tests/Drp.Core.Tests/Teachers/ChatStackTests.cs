using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;
using Microsoft.Extensions.AI;

namespace Drp.Core.Tests.Teachers;

/// <summary>drp's layers over any <see cref="IChatClient"/>: what the teacher gets from them is the same.</summary>
public sealed class ChatStackTests
{
    private static readonly OpenAiSettings Settings = new("test-model", "unused") { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };

    [Fact]
    public async Task Any_chat_client_gets_the_cache_and_the_usage_meter()
    {
        using var dir = new TempDir();
        var asked = 0;
        var endpoint = new AnsweringChatClient(request =>
        {
            Interlocked.Increment(ref asked);
            return new ChatAnswer($"answer to {request.Prompt}", "stop", new ChatUsage(10, 4, 5));
        });
        var usage = new UsageMeter();
        var chat = ChatStack.Around(endpoint, Settings, null, null, new ResponseCache(dir.File("cache")), "v1", usage);

        var first = await chat.CompleteAsync(new ChatRequest(StageNames.Decompose, "q", 100));
        var again = await chat.CompleteAsync(new ChatRequest(StageNames.Decompose, "q", 100));

        Assert.Equal(first, again);
        Assert.Equal(new ChatAnswer("answer to q", "stop", new ChatUsage(10, 4, 5)), first);
        Assert.Equal(1, asked);
        // The answer from the cache counts its tokens as it cost when sent: a rerun reports what its answers cost.
        Assert.Equal(new StageUsage(1, 1, 20, 8, 10), usage.Snapshot()[StageNames.Decompose]);
        Assert.Equal("test-model", TeacherChat.ModelOf(chat));
    }

    [Fact]
    public async Task An_answer_that_cannot_be_read_is_asked_again_then_rejected_with_the_reason()
    {
        var asked = 0;
        var endpoint = new AnsweringChatClient(_ =>
        {
            asked++;
            throw new System.Text.Json.JsonException("'}' is invalid after a value");
        });
        var chat = ChatStack.Around(endpoint, Settings, null, null, null, "v1", new UsageMeter());

        var error = await Assert.ThrowsAsync<TeacherException>(() => chat.CompleteAsync(new ChatRequest(StageNames.Prune, "q", 100)));

        Assert.Equal(3, asked);
        Assert.Equal(RejectReasonsLlm.TeacherError, error.Reason);
        Assert.Equal("the endpoint's answer could not be read after 2 retries: '}' is invalid after a value", error.Message);
    }
}
