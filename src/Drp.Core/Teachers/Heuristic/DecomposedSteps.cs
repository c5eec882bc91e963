using System.Collections;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// The steps of a heuristic decomposition, carrying what was read off each one-sentence step (null for a group of
/// sentences): pruning them in the same process reads that rather than every sentence again. Written as the steps.
/// </summary>
internal sealed class DecomposedSteps(Step[] steps, TextFacts?[] facts) : IReadOnlyList<Step>
{
    public IReadOnlyList<TextFacts?> Facts => facts;

    public int Count => steps.Length;

    public Step this[int index] => steps[index];

    public IEnumerator<Step> GetEnumerator() => ((IEnumerable<Step>)steps).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
