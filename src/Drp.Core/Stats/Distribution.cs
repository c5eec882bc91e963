namespace Drp.Core.Stats;

/// <summary>Mean, median, 90th percentile and maximum of a list of values.</summary>
public sealed record Distribution(int Count, double Mean, double Median, double P90, double Max)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, 0, 0, 0, 0);
        }

        return new Distribution(sorted.Length, Math.Round(sorted.Average(), 4), Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[^1]);
    }

    /// <summary>The share of values above <paramref name="factor"/> times the median: the long tail.</summary>
    public static double ShareAbove(IEnumerable<double> values, double factor)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var median = Percentile(sorted, 0.5);
        return Math.Round(sorted.Count(v => v > factor * median) / (double)sorted.Length, 4);
    }

    /// <summary>Linear interpolation between closest ranks.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (rank - low), 4);
    }
}
