using Microsoft.Extensions.AI;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// At most N requests in flight, counted per try (it sits under the retries): a request waiting out a Retry-After
/// holds no slot, so the other records keep the endpoint busy meanwhile. A free slot goes first to a record's first
/// call (decompose, <see cref="TeacherChatOptions.IsFirstCall"/>): every record is decomposed as early as it can be,
/// so the last moments of a run are independent second calls that keep every slot busy, not chains of a first call
/// and then a second.
/// </summary>
public sealed class ConcurrencyLimitingChatClient(IChatClient inner, int maxInFlight) : DelegatingChatClient(inner)
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> firstCalls = new();
    private readonly Queue<TaskCompletionSource> otherCalls = new();
    private int free = maxInFlight;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await AcquireAsync(options is TeacherChatOptions { IsFirstCall: true }, cancellationToken);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Waits for a slot: at once when one is free, else in the queue of its kind.</summary>
    public async ValueTask AcquireAsync(bool firstCall, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (gate)
        {
            if (free > 0)
            {
                free--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (firstCall ? firstCalls : otherCalls).Enqueue(waiter);
        }

        // A cancelled waiter stays queued; Release passes over it.
        await using var cancel = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task;
    }

    /// <summary>Hands the slot to the next waiter, first calls before others, or frees it.</summary>
    public void Release()
    {
        lock (gate)
        {
            while (firstCalls.Count > 0 || otherCalls.Count > 0)
            {
                var next = firstCalls.Count > 0 ? firstCalls.Dequeue() : otherCalls.Dequeue();
                if (next.TrySetResult())
                {
                    return;
                }
            }

            free++;
        }
    }
}
