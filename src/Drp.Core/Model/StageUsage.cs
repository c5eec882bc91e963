namespace Drp.Core.Model;

/// <summary>What one stage sent: requests and tokens paid for, and answers taken from the cache instead.</summary>
public sealed record StageUsage(long Requests, long CacheHits, long InputTokens, long CachedTokens, long OutputTokens);
