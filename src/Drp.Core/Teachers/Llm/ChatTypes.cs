namespace Drp.Core.Teachers.Llm;

/// <summary>One chat completion to ask for: a single user message, an output budget, and optionally a JSON schema.</summary>
public sealed record ChatRequest(string Stage, string Prompt, int MaxOutputTokens, string? SchemaName = null, string? Schema = null)
{
    /// <summary>The record it is asked for (names batch requests; not part of what is asked).</summary>
    public string RecordId { get; init; } = "";
}

/// <summary>The model's answer: its text, why it stopped (<c>stop</c>, <c>length</c>…), and what it cost.</summary>
public sealed record ChatAnswer(string Text, string FinishReason, ChatUsage Usage);

public sealed record ChatUsage(long InputTokens, long CachedTokens, long OutputTokens);

/// <summary>The one seam to a chat model: the OpenAI client, and decorators (cache, rate limits) around it.</summary>
public interface IChatModel
{
    /// <summary>The model name, as sent.</summary>
    string Model { get; }

    /// <exception cref="TeacherException">The request failed after retries, or the answer could not be read.</exception>
    /// <exception cref="TeacherUnavailableException">The endpoint refuses us altogether (bad key, unknown model).</exception>
    Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The teacher cannot work at all (authentication, unknown model): the run stops with exit code 3.</summary>
public sealed class TeacherUnavailableException(string message) : Exception(message);
