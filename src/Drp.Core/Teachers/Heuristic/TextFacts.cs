namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// What the offline teacher reads off a piece of reasoning: its quantities, whether it computes, and its content
/// words. Read once for each sentence when decomposing, and reused when pruning a step that is that one sentence.
/// </summary>
internal sealed class TextFacts
{
    private readonly string source;
    private readonly int start;
    private readonly int length;
    private ulong[]? words;

    private TextFacts(string source, int start, int length)
    {
        (this.source, this.start, this.length) = (source, start, length);
        var text = source.AsSpan(start, length);
        Numbers = Heuristic.Numbers.In(text);
        Computes = SkillClassifier.Computes(text);
        Symbolic = !Computes && SkillClassifier.IsSymbolic(text);
    }

    /// <summary>The quantities, in order, as <see cref="Heuristic.Numbers.In"/> spells them.</summary>
    public List<string> Numbers { get; }

    /// <summary>Numbers joined by an operator, or an equals sign before a number.</summary>
    public bool Computes { get; }

    /// <summary>Symbolic mathematics (an equation with letters, a fraction, a power); only looked for when it does not compute.</summary>
    public bool Symbolic { get; }

    public bool HasMath => Computes || Symbolic;

    /// <summary>The distinct content words, sorted (see <see cref="Heuristic.Words.Distinct"/>), read when first asked for.</summary>
    public ulong[] Words => words ??= Heuristic.Words.Distinct(source.AsSpan(start, length));

    /// <summary>The facts of <paramref name="length"/> chars of <paramref name="source"/> from <paramref name="start"/>.</summary>
    public static TextFacts Of(string source, int start, int length) => new(source, start, length);

    public static TextFacts Of(string text) => new(text, 0, text.Length);
}
