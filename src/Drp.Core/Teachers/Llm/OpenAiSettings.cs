using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
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

    /// <summary>
    /// The endpoint's chat completions as an <see cref="IChatClient"/>: the official OpenAI SDK under
    /// Microsoft.Extensions.AI, with no retries of its own (<see cref="RetryingChatClient"/> retries above the
    /// concurrency limit, so a request waiting to try again holds no slot).
    /// </summary>
    public IChatClient Endpoint()
    {
        var options = ClientOptions();
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        return new ChatClient(Model, new ApiKeyCredential(ApiKey), options).AsIChatClient();
    }
}
