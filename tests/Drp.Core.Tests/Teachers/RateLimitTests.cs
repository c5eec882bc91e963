using Drp.Core.Teachers.Llm;

namespace Drp.Core.Tests.Teachers;

/// <summary>The requests-per-minute and tokens-per-minute limits hold requests back; without a limit nothing waits.</summary>
public sealed class RateLimitTests
{
    // 2,000 characters (about 500 tokens) and a budget of 100: an estimate of 600 tokens.
    private static readonly ChatRequest Request = new("decompose", new string('x', 2_000), MaxOutputTokens: 100);

    [Theory]
    [InlineData(null, 600)]
    [InlineData(null, 1_000)] // 600 of 1,000 taken: the output budget counts in the estimate, so 600 more must wait
    [InlineData(1, null)]
    public async Task A_request_beyond_the_limit_waits(int? requestsPerMinute, int? tokensPerMinute)
    {
        var model = new RateLimitingChatClient(Answering(usedTokens: 600), requestsPerMinute, tokensPerMinute);
        await model.CompleteAsync(Request);

        // The minute's allowance is spent: the next request waits for the refill (a minute), not 300 ms.
        using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.CompleteAsync(Request, shortly.Token));
    }

    [Fact]
    public async Task Without_limits_requests_go_at_once()
    {
        var model = new RateLimitingChatClient(Answering(usedTokens: 600), requestsPerMinute: null, tokensPerMinute: null);
        await model.CompleteAsync(Request);

        using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await model.CompleteAsync(Request, shortly.Token);
    }

    [Fact]
    public async Task Tokens_the_answer_did_not_use_are_given_back()
    {
        // The estimate takes 600 of the minute's 1,000 tokens; the answer used 60, so the next 600 fit at once
        // (without the correction it would wait 12 seconds for the refill).
        var model = new RateLimitingChatClient(Answering(usedTokens: 60), requestsPerMinute: null, tokensPerMinute: 1_000);
        await model.CompleteAsync(Request);

        using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await model.CompleteAsync(Request, shortly.Token);
    }

    private static AnsweringChatClient Answering(long usedTokens) =>
        new(_ => new ChatAnswer("ok", "stop", new ChatUsage(usedTokens / 2, 0, usedTokens / 2)));
}
