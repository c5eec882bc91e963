namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// An operation a text works out, in one spelling whatever the words: "2 times 4, which is 8", "2 * 4 = 8" and "4 × 2 =
/// 8" are all 2*4=8 (the operands of + and * in order).
/// </summary>
internal readonly record struct Operation(string Left, char Operator, string Right, string Result)
{
    /// <summary>"2*3=6": two one-digit operands, as in each step of a long multiplication.</summary>
    public bool IsOnDigits => Left.Length == 1 && Right.Length == 1;

    public bool Has(string number) => number == Left || number == Right || number == Result;

    public override string ToString() => $"{Left}{Operator}{Right}={Result}";
}
