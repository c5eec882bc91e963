namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Keeps requests under the endpoint's limits: requests per minute, and tokens per minute on an estimate (prompt
/// characters / 4 plus the output budget, as OpenAI counts it) corrected by the usage that comes back.
/// </summary>
public sealed class RateLimitedChatModel(IChatModel inner, int? requestsPerMinute, int? tokensPerMinute) : IChatModel
{
    private readonly TokenBucket? requests = requestsPerMinute is > 0 and var rpm ? new TokenBucket(rpm, rpm / 60.0) : null;
    private readonly TokenBucket? tokens = tokensPerMinute is > 0 and var tpm ? new TokenBucket(tpm, tpm / 60.0) : null;

    public string Model => inner.Model;

    public async Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var estimate = request.Prompt.Length / 4.0 + request.MaxOutputTokens;
        if (requests is not null)
        {
            await requests.TakeAsync(1, cancellationToken);
        }

        if (tokens is not null)
        {
            await tokens.TakeAsync(estimate, cancellationToken);
        }

        var answer = await inner.CompleteAsync(request, cancellationToken);
        tokens?.Adjust(estimate - (answer.Usage.InputTokens + answer.Usage.OutputTokens));
        return answer;
    }
}
