using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Drp.Core.Teachers.Llm;

/// <summary>The LLM teacher's chat client as drp runs it, assembled in this one place from Microsoft.Extensions.AI layers.</summary>
public static class ChatStack
{
    /// <summary>Against an OpenAI-compatible endpoint: see <see cref="Around"/>.</summary>
    public static IChatClient Online(OpenAiSettings settings, int? requestsPerMinute, int? tokensPerMinute, ResponseCache? cache, string promptVersion, UsageMeter usage, ILogger? logger = null) =>
        Around(settings.Endpoint(), settings, requestsPerMinute, tokensPerMinute, cache, promptVersion, usage, logger);

    /// <summary>
    /// Any chat client drp's teacher asks, from the top: the response cache (which counts usage, answers from the
    /// cache included) or, without a cache, a meter of the usage; the requests- and tokens-per-minute limits; the
    /// retries (each wait logged to <paramref name="logger"/>); the requests in flight (per try, first calls of a
    /// record first); each answer written to the cache before its slot is freed; the endpoint.
    /// </summary>
    public static IChatClient Around(IChatClient endpoint, OpenAiSettings settings, int? requestsPerMinute, int? tokensPerMinute, ResponseCache? cache, string promptVersion, UsageMeter usage, ILogger? logger = null) =>
        new ChatClientBuilder(endpoint)
            .Use(inner => cache is null ? new UsageMeteringChatClient(inner, usage) : new ResponseCachingChatClient(inner, cache, promptVersion, usage))
            .Use(inner => new RateLimitingChatClient(inner, requestsPerMinute, tokensPerMinute))
            .Use(inner => new RetryingChatClient(inner, settings, usage, logger))
            .Use(inner => new ConcurrencyLimitingChatClient(inner, settings.MaxConcurrentRequests))
            .Use(inner => cache is null ? inner : new AnswerKeepingChatClient(inner, cache, promptVersion))
            .Build();

    /// <summary>
    /// The chat client of one round of a Batch API run: answers come from the response cache; a request it cannot
    /// answer goes to the round's batch input (and is pending until a later round).
    /// </summary>
    public static IChatClient Batch(Batch.BatchCollector collector, ResponseCache cache, string promptVersion) =>
        new ChatClientBuilder(collector)
            .Use(inner => new ResponseCachingChatClient(inner, cache, promptVersion, new UsageMeter()))
            .Build();
}
