namespace Drp.Core.Teachers.Llm;

/// <summary>The LLM teacher's chat model as drp runs it against an endpoint, assembled in this one place.</summary>
public static class ChatStack
{
    /// <summary>
    /// The OpenAI-compatible client (retries, timeouts, requests in flight), under the requests- and tokens-per-minute
    /// limits, under the response cache (which counts usage, answers from the cache included) or, without a cache,
    /// a meter of the usage.
    /// </summary>
    public static IChatModel Online(OpenAiSettings settings, int? requestsPerMinute, int? tokensPerMinute, ResponseCache? cache, string promptVersion, UsageMeter usage)
    {
        IChatModel chat = new RateLimitedChatModel(new OpenAiChatModel(settings), requestsPerMinute, tokensPerMinute);
        return cache is null ? new MeteredChatModel(chat, usage) : new CachedChatModel(chat, cache, promptVersion, usage);
    }

    /// <summary>
    /// The chat model of one round of a Batch API run: answers come from the response cache; a request it cannot
    /// answer goes to the round's batch input (and is pending until a later round).
    /// </summary>
    public static IChatModel Batch(Batch.BatchCollector collector, ResponseCache cache, string promptVersion) =>
        new CachedChatModel(collector, cache, promptVersion, new UsageMeter());
}
