using System.Diagnostics;

namespace Drp.Core.Teachers.Llm;

/// <summary>A token bucket: holds up to a capacity, refills at a rate per second; takers wait until there is enough.</summary>
public sealed class TokenBucket
{
    private readonly Lock gate = new();
    private readonly double capacity;
    private readonly double perSecond;
    private double level;
    private long last = Stopwatch.GetTimestamp();

    public TokenBucket(double capacity, double perSecond)
    {
        this.capacity = capacity;
        this.perSecond = perSecond;
        level = capacity;
    }

    public async Task TakeAsync(double amount, CancellationToken cancellationToken = default)
    {
        amount = Math.Min(amount, capacity);
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                Refill();
                if (level >= amount)
                {
                    level -= amount;
                    return;
                }

                wait = TimeSpan.FromSeconds((amount - level) / perSecond);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken);
        }
    }

    /// <summary>Gives back (or, negative, takes more than) what was taken on an estimate, once the real amount is known.</summary>
    public void Adjust(double amount)
    {
        lock (gate)
        {
            Refill();
            level = Math.Min(capacity, level + amount);
        }
    }

    private void Refill()
    {
        var now = Stopwatch.GetTimestamp();
        level = Math.Min(capacity, level + Stopwatch.GetElapsedTime(last, now).TotalSeconds * perSecond);
        last = now;
    }
}
