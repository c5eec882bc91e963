using Drp.Core.Model;
using Drp.Core.Teachers.Llm;

namespace Drp.Core.Tests.Teachers;

/// <summary>--concurrency: how many requests are in flight, and which waiting request gets a freed slot.</summary>
public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task Never_more_requests_in_flight_than_the_limit_over_real_http()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer("ok") with { DelayMs = 100 });
        var settings = new OpenAiSettings("test-model", "sk-test-key") { BaseUrl = server.BaseUrl, MaxConcurrentRequests = 3 };
        var model = ChatStack.Online(settings, null, null, null, "v1", new UsageMeter());

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => model.CompleteAsync(new ChatRequest("prune", $"question {i}", 100))));

        Assert.All(answers, a => Assert.Equal("ok", a.Text));
        Assert.Equal(12, server.RequestCount);
        Assert.Equal(3, server.MaxInFlight);
    }

    [Fact]
    public async Task A_freed_slot_goes_to_a_first_call_before_others_that_waited_longer()
    {
        var sent = new List<string>();
        var slots = new ConcurrencyLimitingChatClient(new AnsweringChatClient(request =>
        {
            lock (sent)
            {
                sent.Add(request.Stage);
            }

            return new ChatAnswer("ok", "stop", new ChatUsage(1, 0, 1));
        }), 1);
        await slots.AcquireAsync(firstCall: false, CancellationToken.None);

        // The priority is the request's own: its stage, carried on its options.
        var prune = slots.CompleteAsync(new ChatRequest(StageNames.Prune, "waited longer", 100));
        var decompose = slots.CompleteAsync(new ChatRequest(StageNames.Decompose, "a record's first call", 100));
        Assert.Empty(sent);

        slots.Release();
        await Task.WhenAll(prune, decompose).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([StageNames.Decompose, StageNames.Prune], sent);
    }

    [Fact]
    public async Task A_cancelled_waiter_is_passed_over_and_its_slot_not_lost()
    {
        var slots = new ConcurrencyLimitingChatClient(new AnsweringChatClient(_ => throw new InvalidOperationException()), 1);
        await slots.AcquireAsync(firstCall: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.AcquireAsync(firstCall: false, cancel.Token).AsTask();
        var waiting = Take(slots, firstCall: false, "waiting");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        slots.Release();
        Assert.Equal("waiting", await waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        slots.Release();
        Assert.True(slots.AcquireAsync(firstCall: false, CancellationToken.None).IsCompleted, "the one slot is free again");
    }

    private static async Task<string> Take(ConcurrencyLimitingChatClient slots, bool firstCall, string name)
    {
        await slots.AcquireAsync(firstCall, CancellationToken.None);
        return name;
    }
}
