namespace Drp.Core.Teachers.Heuristic;

/// <summary>A sentence, a line or a display-math block of a reasoning text, at its place in that text.</summary>
internal sealed record TextUnit(int Start, int Length, int Paragraph, string Text)
{
    public int End => Start + Length;
}
