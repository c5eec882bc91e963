namespace Drp.Core.Model;

/// <summary>
/// The benchmark question a record's question matched (<c>--decontaminate</c>): the benchmark file's name, where the
/// question stands in it, its text, and what the two share.
/// </summary>
public sealed record Contamination(string Benchmark, string Location, string Question, string Shared);
