using System.ClientModel.Primitives;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// At most N HTTP requests in flight, counted per try: a request waiting out a Retry-After holds no slot, so the
/// other records keep the endpoint busy meanwhile. A free slot goes first to a record's first call (decompose, see
/// <see cref="MarkFirstCall"/>): every record is decomposed as early as it can be, so the last moments of a run are
/// independent second calls that keep every slot busy, not chains of a first call and then a second.
/// </summary>
public sealed class ConcurrencyLimitPolicy(int maxInFlight) : PipelinePolicy
{
    private static readonly AsyncLocal<bool> IsFirstCall = new();

    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> firstCalls = new();
    private readonly Queue<TaskCompletionSource> otherCalls = new();
    private int free = maxInFlight;

    /// <summary>
    /// Marks the requests that the calling async method sends as a record's first call (or not); the mark ends with
    /// that method, as every change an async method makes to its context does.
    /// </summary>
    public static void MarkFirstCall(bool isFirst) => IsFirstCall.Value = isFirst;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        AcquireAsync(message.CancellationToken).AsTask().GetAwaiter().GetResult();
        try
        {
            ProcessNext(message, pipeline, currentIndex);
        }
        finally
        {
            Release();
        }
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await AcquireAsync(message.CancellationToken);
        try
        {
            await ProcessNextAsync(message, pipeline, currentIndex);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Waits for a slot: at once when one is free, else in the queue of its kind.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
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
            (IsFirstCall.Value ? firstCalls : otherCalls).Enqueue(waiter);
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
