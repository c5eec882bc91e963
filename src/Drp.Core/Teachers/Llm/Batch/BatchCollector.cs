using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>Thrown for a request whose answer is not in the cache yet: it was written to this round's batch files.</summary>
public sealed class AnswerPendingException() : Exception("the teacher's answer will come from a batch");

/// <summary>
/// The chat client of a batch round, behind the response cache: a request the cache cannot answer is written to the
/// round's batch input files and the record waits for the next round; one that already failed in batches as often
/// as allowed is given up, with the last reason.
/// </summary>
public sealed class BatchCollector(BatchInputWriter writer, string promptVersion, IReadOnlyDictionary<string, (int Count, string Reason)> failures, int maxAttempts) : IChatClient
{
    private readonly ChatClientMetadata metadata = new("openai-batch", defaultModelId: writer.Model);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = TeacherChatOptions.RequestOf(options);
        var key = ResponseCache.Key(writer.Model, promptVersion, request);
        if (failures.TryGetValue(key, out var failed) && failed.Count >= maxAttempts)
        {
            throw new TeacherException(RejectReasonsLlm.TeacherError, $"the {request.Stage} request failed in {failed.Count} batches: {failed.Reason}");
        }

        writer.Add(BatchRequestLine.CustomId(request.RecordId, request.Stage, promptVersion), key, request);
        throw new AnswerPendingException();
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("batch requests are not streamed");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(metadata) ? metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
