using Drp.Core.Stages;

namespace Drp.Core.Tests.Stages;

public sealed class OrderedParallelTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, Action<int>? onRead = null)
    {
        for (var i = 0; i < count; i++)
        {
            onRead?.Invoke(i);
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task Results_come_in_input_order_whatever_finishes_first()
    {
        var results = new List<int>();

        await foreach (var value in Numbers(200).SelectOrderedAsync(async (i, ct) =>
        {
            await Task.Delay(i % 7, ct);
            return i * 2;
        }, degree: 8))
        {
            results.Add(value);
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 2), results);
    }

    [Fact]
    public async Task No_more_than_a_few_items_per_worker_are_read_ahead()
    {
        var read = 0;
        var maxAhead = 0;
        var consumed = 0;

        await foreach (var _ in Numbers(500, _ => Interlocked.Increment(ref read)).SelectOrderedAsync((i, _) => Task.FromResult(i), degree: 4))
        {
            consumed++;
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - consumed);
            await Task.Delay(1);
        }

        Assert.Equal(500, consumed);
        Assert.InRange(maxAhead, 0, 4 * 4 + 4 + 2);
    }

    [Fact]
    public async Task A_failure_of_the_source_or_of_a_worker_reaches_the_consumer()
    {
        static async IAsyncEnumerable<int> Failing()
        {
            yield return 1;
            await Task.Yield();
            throw new InvalidOperationException("source broke");
        }

        var sourceError = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in Failing().SelectOrderedAsync((i, _) => Task.FromResult(i), degree: 2))
            {
            }
        });
        var workerError = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in Numbers(10).SelectOrderedAsync<int, int>((i, _) => i == 5 ? throw new ArgumentException("worker broke") : Task.FromResult(i), degree: 2))
            {
            }
        });

        Assert.Equal("source broke", sourceError.Message);
        Assert.Equal("worker broke", workerError.Message);
    }
}
