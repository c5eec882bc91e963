using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Drp.Core.Model;
using OpenAI;
using OpenAI.Chat;

namespace Drp.Core.Teachers.Llm;

/// <summary>Settings of an OpenAI-compatible endpoint. The key is passed in from the environment and never written anywhere.</summary>
public sealed record OpenAiSettings(string Model, string ApiKey)
{
    /// <summary>An OpenAI-compatible <c>/v1</c> endpoint (Azure, vLLM, Ollama, llama.cpp…); null for OpenAI.</summary>
    public Uri? BaseUrl { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>HTTP requests in flight at most (<c>--concurrency</c>).</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    public int MaxRetries { get; init; } = 6;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The SDK's options for this endpoint: our backoff (the SDK's own does not back off) and the timeout.</summary>
    public OpenAIClientOptions ClientOptions()
    {
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new BackoffRetryPolicy(MaxRetries, RetryBaseDelay, RetryMaxDelay),
            NetworkTimeout = RequestTimeout,
        };
        if (BaseUrl is not null)
        {
            options.Endpoint = BaseUrl;
        }

        return options;
    }
}

/// <summary>Chat completions through the official OpenAI SDK, at temperature 0.</summary>
public sealed class OpenAiChatModel : IChatModel
{
    private readonly ChatClient client;
    private readonly OpenAiSettings settings;

    public OpenAiChatModel(OpenAiSettings settings)
    {
        this.settings = settings;
        var options = settings.ClientOptions();
        options.AddPolicy(new ConcurrencyLimitPolicy(settings.MaxConcurrentRequests), PipelinePosition.PerTry);

        client = new ChatClient(settings.Model, new ApiKeyCredential(settings.ApiKey), options);
    }

    public string Model => settings.Model;

    public async Task<ChatAnswer> CompleteAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ConcurrencyLimitPolicy.MarkFirstCall(request.Stage == StageNames.Decompose);
        var options = new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = request.MaxOutputTokens };
        if (request.Schema is not null)
        {
            options.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(request.SchemaName!, BinaryData.FromString(request.Schema), jsonSchemaIsStrict: true);
        }

        // Answers the SDK cannot read (a malformed body with status 200) are retried here, with the same backoff.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(request.Prompt)], options, cancellationToken);
                return AnswerOf(completion);
            }
            catch (ClientResultException e) when (e.Status is 401 or 403 or 404)
            {
                throw new TeacherUnavailableException($"the endpoint refused the request ({e.Status}): {FirstLine(e.Message)}");
            }
            catch (ClientResultException e)
            {
                throw new TeacherException(RejectReasonsLlm.TeacherError, $"the endpoint answered {e.Status} after {settings.MaxRetries} retries: {FirstLine(e.Message)}");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException
                                      && attempt <= settings.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(BackoffRetryPolicy.Backoff(settings.RetryBaseDelay, settings.RetryMaxDelay, attempt), cancellationToken);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                throw new TeacherException(RejectReasonsLlm.TeacherError, $"the endpoint's answer could not be read after {settings.MaxRetries} retries: {FirstLine(e.Message)}");
            }
            catch (Exception e) when (e is HttpRequestException or AggregateException or IOException
                                      || (e is TaskCanceledException or OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new TeacherException(RejectReasonsLlm.TeacherError, $"no answer from the endpoint after {settings.MaxRetries} retries: {FirstLine(e.Message)}");
            }
        }
    }

    /// <summary>What drp keeps of a chat completion: its text, why it stopped, and its usage.</summary>
    public static ChatAnswer AnswerOf(ChatCompletion completion)
    {
        var text = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(part => part.Text)) : "";
        var usage = completion.Usage is { } u
            ? new ChatUsage(u.InputTokenCount, u.InputTokenDetails?.CachedTokenCount ?? 0, u.OutputTokenCount)
            : new ChatUsage(0, 0, 0);
        return new ChatAnswer(text, FinishReasonName(completion.FinishReason), usage);
    }

    private static string FinishReasonName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        _ => reason.ToString().ToLowerInvariant(),
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
