namespace Drp.Core.Teachers.Heuristic;

/// <summary>A sentence, a line or a display-math block of a reasoning text, at its place in that text.</summary>
internal readonly record struct TextUnit(int Start, int Length, int Paragraph)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}
