using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>One chat completion to ask for: a single user message, an output budget, and optionally a JSON schema.</summary>
public sealed record ChatRequest(string Stage, string Prompt, int MaxOutputTokens, string? SchemaName = null, string? Schema = null)
{
    /// <summary>The record it is asked for (names batch requests; not part of what is asked).</summary>
    public string RecordId { get; init; } = "";

    /// <summary>The request's one message, as sent.</summary>
    public IList<ChatMessage> Messages() => [new(ChatRole.User, Prompt)];
}

/// <summary>The model's answer: its text, why it stopped (<c>stop</c>, <c>length</c>…), and what it cost.</summary>
public sealed record ChatAnswer(string Text, string FinishReason, ChatUsage Usage)
{
    /// <summary>What drp keeps of a chat response: its text, why it stopped, and its usage.</summary>
    public static ChatAnswer Of(ChatResponse response) => new(
        response.Text,
        response.FinishReason?.Value ?? "stop",
        new ChatUsage(response.Usage?.InputTokenCount ?? 0, response.Usage?.CachedInputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0));

    /// <summary>The answer as a chat response (an answer from the cache, handed up the stack).</summary>
    public ChatResponse ToResponse() => new(new ChatMessage(ChatRole.Assistant, Text))
    {
        FinishReason = new ChatFinishReason(FinishReason),
        Usage = new UsageDetails { InputTokenCount = Usage.InputTokens, CachedInputTokenCount = Usage.CachedTokens, OutputTokenCount = Usage.OutputTokens },
    };
}

public sealed record ChatUsage(long InputTokens, long CachedTokens, long OutputTokens);

/// <summary>The teacher cannot work at all (authentication, unknown model): the run stops with exit code 3.</summary>
public sealed class TeacherUnavailableException(string message) : Exception(message);
