using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Answers from the response cache when it has them, else from the model (stored there by
/// <see cref="AnswerKeepingChatClient"/>, under the limit of requests in flight): a rerun of a finished run sends
/// nothing, and a run killed at any moment sends again only the requests that never completed. Counts the usage of
/// every answer, from the cache or not.
/// </summary>
public sealed class ResponseCachingChatClient(IChatClient inner, ResponseCache cache, string promptVersion, UsageMeter usage) : DelegatingChatClient(inner)
{
    private readonly string model = TeacherChat.ModelOf(inner);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = TeacherChatOptions.RequestOf(options);
        var key = ResponseCache.Key(model, promptVersion, request);
        if (await cache.ReadAsync(key, cancellationToken) is { } cached)
        {
            usage.Add(request.Stage, cached.Usage, fromCache: true);
            return cached.ToResponse();
        }

        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var answer = ChatAnswer.Of(response);
        usage.Add(request.Stage, answer.Usage, fromCache: false);
        return response;
    }
}
