using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Drp.Core.Stages;

public static class OrderedParallel
{
    /// <summary>
    /// Maps every item on up to <paramref name="degree"/> workers and yields the results in input order. At most
    /// four items per worker wait to be yielded (room for a slow item at the head, say one waiting out a
    /// Retry-After, while the others go on), so memory does not grow with the input.
    /// </summary>
    public static async IAsyncEnumerable<TOut> SelectOrderedAsync<TIn, TOut>(
        this IAsyncEnumerable<TIn> source,
        Func<TIn, CancellationToken, Task<TOut>> map,
        int degree,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (degree <= 1)
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                yield return await map(item, cancellationToken);
            }

            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = Channel.CreateBounded<Task<TOut>>(new BoundedChannelOptions(degree * 4) { SingleReader = true, SingleWriter = true });
        var throttle = new SemaphoreSlim(degree);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    await throttle.WaitAsync(stop.Token);
                    var work = Task.Run(async () =>
                    {
                        try
                        {
                            return await map(item, stop.Token);
                        }
                        finally
                        {
                            throttle.Release();
                        }
                    }, stop.Token);
                    await inFlight.Writer.WriteAsync(work, stop.Token);
                }

                inFlight.Writer.Complete();
            }
            catch (Exception e)
            {
                inFlight.Writer.Complete(e);
            }
        }, stop.Token);

        try
        {
            await foreach (var work in inFlight.Reader.ReadAllAsync(stop.Token))
            {
                yield return await work;
            }

            await producer;
        }
        finally
        {
            stop.Cancel();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
