namespace Drp.Core.Teachers.Llm;

/// <summary>Counts the usage of a chat model that has no cache in front of it.</summary>
public sealed class MeteredChatModel(IChatModel inner, UsageMeter usage) : IChatModel
{
    public string Model => inner.Model;

    public async Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var answer = await inner.CompleteAsync(request, cancellationToken);
        usage.Add(request.Stage, answer.Usage, fromCache: false);
        return answer;
    }
}
