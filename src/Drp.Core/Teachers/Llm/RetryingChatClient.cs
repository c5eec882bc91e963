using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Retries what may pass (408, 429, 5xx, no answer, a timeout, an answer that cannot be read) with exponential
/// backoff and jitter, waiting as long as the server asks when it says so (see <see cref="BackoffRetryPolicy"/>), and
/// turns what is left into drp's words: <see cref="TeacherUnavailableException"/> when the endpoint refuses us
/// (401, 403, 404), else <see cref="TeacherException"/> with the reason. Each wait is logged (what failed, the
/// status, how long) and counted in the usage.
/// </summary>
public sealed class RetryingChatClient(IChatClient inner, OpenAiSettings settings, UsageMeter? usage = null, ILogger? logger = null) : DelegatingChatClient(inner)
{
    private readonly ILogger log = logger ?? NullLogger.Instance;

    private volatile bool reached;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        for (var retries = 0; ; retries++)
        {
            TimeSpan delay;
            try
            {
                var response = await base.GetResponseAsync(messages, options, cancellationToken);
                reached = true;
                return response;
            }
            catch (ClientResultException e) when (e.Status is 401 or 403 or 404)
            {
                throw new TeacherUnavailableException($"the endpoint refused the request ({e.Status}): {FirstLine(e.Message)}");
            }
            catch (Exception e) when (Failure(e, cancellationToken) is { } failure)
            {
                reached |= e is ClientResultException { Status: > 0 };
                if (!failure.Passing || retries == settings.MaxRetries)
                {
                    // An endpoint never reached, not once, is not a record's failure: the run stops.
                    throw !reached && CannotConnect(e)
                        ? new TeacherUnavailableException($"cannot reach the endpoint {settings.BaseUrl?.ToString() ?? "https://api.openai.com/v1"} "
                                                          + $"after {retries} retries: {FirstLine(e.Message)}; check --base-url and the network")
                        : new TeacherException(RejectReasonsLlm.TeacherError, $"{failure.What} after {retries} retries: {FirstLine(e.Message)}");
                }

                var headers = (e as ClientResultException)?.GetRawResponse()?.Headers;
                delay = BackoffRetryPolicy.NextDelay(headers, settings.RetryBaseDelay, settings.RetryMaxDelay, retries + 1);
                usage?.AddRetry();
                log.LogWarning("teacher: {Failure}; waiting {WaitSeconds:F1} s before retry {Retry} of {MaxRetries}",
                    failure.What, delay.TotalSeconds, retries + 1, settings.MaxRetries);
            }

            await Task.Delay(delay, cancellationToken);
        }
    }

    /// <summary>What went wrong, in words, and whether another try may pass; null for what is not the endpoint's doing (our own cancellation).</summary>
    private static (string What, bool Passing)? Failure(Exception e, CancellationToken cancellationToken) => e switch
    {
        ClientResultException { Status: 0 } => ("no answer from the endpoint", true),
        ClientResultException { Status: var status } => ($"the endpoint answered {status}", status is 408 or 429 or >= 500),
        HttpRequestException or IOException => ("no answer from the endpoint", true),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => ("no answer from the endpoint", true),
        JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException => ("the endpoint's answer could not be read", true),
        _ => null,
    };

    /// <summary>The connection itself failed (refused, no such host, no route, TLS), as opposed to an answer that broke off.</summary>
    private static bool CannotConnect(Exception? e) => e switch
    {
        null => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        _ => CannotConnect(e.InnerException),
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
