namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>The OpenAI Batch API's limits on one input file.</summary>
public sealed record BatchLimits(int MaxRequests = 50_000, long MaxBytes = 200_000_000);
