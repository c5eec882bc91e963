using System.ClientModel.Primitives;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// At most N HTTP requests in flight, counted per try: a request waiting out a Retry-After holds no slot, so the
/// other records keep the endpoint busy meanwhile.
/// </summary>
public sealed class ConcurrencyLimitPolicy(int maxInFlight) : PipelinePolicy
{
    private readonly SemaphoreSlim slots = new(maxInFlight, maxInFlight);

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        slots.Wait(message.CancellationToken);
        try
        {
            ProcessNext(message, pipeline, currentIndex);
        }
        finally
        {
            slots.Release();
        }
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await slots.WaitAsync(message.CancellationToken);
        try
        {
            await ProcessNextAsync(message, pipeline, currentIndex);
        }
        finally
        {
            slots.Release();
        }
    }
}
