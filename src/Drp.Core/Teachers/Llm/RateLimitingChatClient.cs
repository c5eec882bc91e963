using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Keeps requests under the endpoint's limits: requests per minute, and tokens per minute on an estimate (prompt
/// characters / 4 plus the output budget, as OpenAI counts it) corrected by the usage that comes back.
/// </summary>
public sealed class RateLimitingChatClient(IChatClient inner, int? requestsPerMinute, int? tokensPerMinute) : DelegatingChatClient(inner)
{
    private readonly TokenBucket? requests = requestsPerMinute is > 0 and var rpm ? new TokenBucket(rpm, rpm / 60.0) : null;
    private readonly TokenBucket? tokens = tokensPerMinute is > 0 and var tpm ? new TokenBucket(tpm, tpm / 60.0) : null;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = TeacherChatOptions.RequestOf(options);
        var estimate = request.Prompt.Length / 4.0 + request.MaxOutputTokens;
        if (requests is not null)
        {
            await requests.TakeAsync(1, cancellationToken);
        }

        if (tokens is not null)
        {
            await tokens.TakeAsync(estimate, cancellationToken);
        }

        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var used = ChatAnswer.Of(response).Usage;
        tokens?.Adjust(estimate - (used.InputTokens + used.OutputTokens));
        return response;
    }
}
