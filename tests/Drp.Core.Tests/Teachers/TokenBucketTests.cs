using System.Diagnostics;
using Drp.Core.Teachers.Llm;

namespace Drp.Core.Tests.Teachers;

public sealed class TokenBucketTests
{
    [Fact]
    public async Task Takers_beyond_the_capacity_wait_for_the_refill()
    {
        var bucket = new TokenBucket(capacity: 10, perSecond: 20);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 20; i++)
        {
            await bucket.TakeAsync(1);
        }

        // 10 at once, the other 10 at 20 per second: about half a second.
        Assert.InRange(clock.ElapsedMilliseconds, 400, 3000);
    }

    [Fact]
    public async Task An_estimate_corrected_downwards_frees_room_at_once()
    {
        var bucket = new TokenBucket(capacity: 100, perSecond: 1);
        await bucket.TakeAsync(100);
        bucket.Adjust(90);
        var clock = Stopwatch.StartNew();

        await bucket.TakeAsync(80);

        Assert.InRange(clock.ElapsedMilliseconds, 0, 500);
    }
}
