using Drp.Core.Teachers.Llm;
using Microsoft.Extensions.AI;

namespace Drp.Core.Tests.Teachers;

/// <summary>A chat client that answers drp's requests in memory, for the layers that do not need the endpoint.</summary>
internal sealed class AnsweringChatClient(Func<ChatRequest, ChatAnswer> answer) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(answer(TeacherChatOptions.RequestOf(options)).ToResponse());

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("test", defaultModelId: "test-model") : null;

    public void Dispose()
    {
    }
}
