namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>How a run goes through the Batch API.</summary>
public sealed record BatchOptions
{
    public BatchLimits Limits { get; init; } = new();

    /// <summary>The first wait between two looks at a batch; it grows by half each time, up to <see cref="MaxPoll"/>.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxPoll { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Times a failed or expired request is submitted again, each time in a new batch, before its record is rejected.</summary>
    public int Retries { get; init; } = 2;
}
