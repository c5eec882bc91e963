namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>Thrown for a request whose answer is not in the cache yet: it was written to this round's batch files.</summary>
public sealed class AnswerPendingException() : Exception("the teacher's answer will come from a batch");

/// <summary>
/// The chat model of a batch round, behind the response cache: a request the cache cannot answer is written to the
/// round's batch input files and the record waits for the next round; one that already failed in batches as often
/// as allowed is given up, with the last reason.
/// </summary>
public sealed class BatchCollector(BatchInputWriter writer, string promptVersion, IReadOnlyDictionary<string, (int Count, string Reason)> failures, int maxAttempts) : IChatModel
{
    public string Model => writer.Model;

    public Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var key = ResponseCache.Key(Model, promptVersion, request);
        if (failures.TryGetValue(key, out var failed) && failed.Count >= maxAttempts)
        {
            throw new TeacherException(RejectReasonsLlm.TeacherError, $"the {request.Stage} request failed in {failed.Count} batches: {failed.Reason}");
        }

        writer.Add(BatchRequestLine.CustomId(request.RecordId, request.Stage, promptVersion), key, request);
        throw new AnswerPendingException();
    }
}
