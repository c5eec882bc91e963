using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Writes each answer the endpoint gives into the response cache before its request's slot is freed (it sits under
/// the limit of requests in flight): a run killed at any moment has on disk every answer it received, and sends again
/// only the requests that were in flight (at most the limit, per kill).
/// </summary>
public sealed class AnswerKeepingChatClient(IChatClient inner, ResponseCache cache, string promptVersion) : DelegatingChatClient(inner)
{
    private readonly string model = TeacherChat.ModelOf(inner);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        await cache.WriteAsync(ResponseCache.Key(model, promptVersion, TeacherChatOptions.RequestOf(options)), ChatAnswer.Of(response));
        return response;
    }
}
