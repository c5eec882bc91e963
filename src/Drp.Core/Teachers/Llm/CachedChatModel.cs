namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Answers from the response cache when it has them, else from the model (and stored): a rerun of a finished run
/// sends nothing, and a run killed at any moment sends again only the requests that never completed.
/// </summary>
public sealed class CachedChatModel(IChatModel inner, ResponseCache cache, string promptVersion, UsageMeter usage) : IChatModel
{
    public string Model => inner.Model;

    public async Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var key = ResponseCache.Key(inner.Model, promptVersion, request);
        if (await cache.ReadAsync(key, cancellationToken) is { } cached)
        {
            usage.Add(request.Stage, cached.Usage, fromCache: true);
            return cached;
        }

        var answer = await inner.CompleteAsync(request, cancellationToken);
        usage.Add(request.Stage, answer.Usage, fromCache: false);
        await cache.WriteAsync(key, answer);
        return answer;
    }
}
