using Drp.Core.Teachers.Llm;

namespace Drp.Core.Tests.Teachers;

/// <summary>--concurrency: how many requests are in flight, and which waiting request gets a freed slot.</summary>
public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task Never_more_requests_in_flight_than_the_limit_over_real_http()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer("ok") with { DelayMs = 100 });
        var model = new OpenAiChatModel(new OpenAiSettings("test-model", "sk-test-key") { BaseUrl = server.BaseUrl, MaxConcurrentRequests = 3 });

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => model.CompleteAsync(new ChatRequest("prune", $"question {i}", 100))));

        Assert.All(answers, a => Assert.Equal("ok", a.Text));
        Assert.Equal(12, server.RequestCount);
        Assert.Equal(3, server.MaxInFlight);
    }

    [Fact]
    public async Task A_freed_slot_goes_to_a_first_call_before_others_that_waited_longer()
    {
        var slots = new ConcurrencyLimitPolicy(1);
        await slots.AcquireAsync(CancellationToken.None);
        var second = Take(slots, firstCall: false, "prune");
        var first = Take(slots, firstCall: true, "decompose");

        slots.Release();
        Assert.Equal("decompose", await first.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(second.IsCompleted);

        slots.Release();
        Assert.Equal("prune", await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_cancelled_waiter_is_passed_over_and_its_slot_not_lost()
    {
        var slots = new ConcurrencyLimitPolicy(1);
        await slots.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.AcquireAsync(cancel.Token).AsTask();
        var waiting = Take(slots, firstCall: false, "waiting");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        slots.Release();
        Assert.Equal("waiting", await waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        slots.Release();
        Assert.True(slots.AcquireAsync(CancellationToken.None).IsCompleted, "the one slot is free again");
    }

    private static async Task<string> Take(ConcurrencyLimitPolicy slots, bool firstCall, string name)
    {
        ConcurrencyLimitPolicy.MarkFirstCall(firstCall);
        await slots.AcquireAsync(CancellationToken.None);
        return name;
    }
}
