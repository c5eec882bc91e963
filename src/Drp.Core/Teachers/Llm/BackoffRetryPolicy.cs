using System.ClientModel.Primitives;
using System.Globalization;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Retries 408, 429, 5xx and transport failures with exponential backoff and jitter, waiting as long as the server
/// asks when it says so (<c>retry-after-ms</c>, <c>Retry-After</c> in seconds or as a date). The SDK's own policy
/// retries at once unless the server sends Retry-After, which turns a rate limit into a storm.
/// </summary>
public sealed class BackoffRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay) : ClientRetryPolicy(maxRetries)
{
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) =>
        NextDelay(message.Response?.Headers, baseDelay, maxDelay, tryCount);

    /// <summary>The wait the server asked for (at most the maximum), else the backoff.</summary>
    public static TimeSpan NextDelay(PipelineResponseHeaders? headers, TimeSpan baseDelay, TimeSpan maxDelay, int tryCount) =>
        headers is not null && ServerDelay(headers) is { } asked
            ? (asked < maxDelay ? asked : maxDelay)
            : Backoff(baseDelay, maxDelay, tryCount);

    /// <summary>Exponential backoff with jitter: base × 2^(try − 1), between half and all of it, at most the maximum.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, TimeSpan maxDelay, int tryCount)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount - 1));
        var jittered = exponential * (0.5 + Random.Shared.NextDouble() / 2);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }

    public static TimeSpan? ServerDelay(PipelineResponseHeaders headers)
    {
        if (headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (headers.TryGetValue("Retry-After", out var retryAfter) && retryAfter is not null)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var wait = when - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
