using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>Counts the usage of a chat client that has no cache in front of it.</summary>
public sealed class UsageMeteringChatClient(IChatClient inner, UsageMeter usage) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        usage.Add(TeacherChatOptions.RequestOf(options).Stage, ChatAnswer.Of(response).Usage, fromCache: false);
        return response;
    }
}
