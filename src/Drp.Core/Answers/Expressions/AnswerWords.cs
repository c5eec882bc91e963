namespace Drp.Core.Answers.Expressions;

/// <summary>Which letters in an answer are words (units, text answers, "and"/"or" between items) rather than symbols.</summary>
public static class AnswerWords
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp",
        "sqrt", "pi", "inf", "infty", "infinity",
    };

    // Units of two letters; "12 cm" is twelve centimetres, "2xy" is a product.
    private static readonly HashSet<string> TwoLetterUnits = new(StringComparer.Ordinal)
    {
        "cm", "mm", "km", "kg", "mg", "ft", "yd", "mi", "hr", "ml", "in", "lb", "oz", "am", "pm", "mL", "kW", "mph",
    };

    public static bool IsSeparator(Token t) => t.Kind == TokenKind.Letters && t.Text is "and" or "or";

    public static bool IsWord(Token t) => t.Kind == TokenKind.Letters
        && (IsSeparator(t) || (t.Text.Length >= 3 && !Names.Contains(t.Text)) || (t.Text.Length == 2 && t.SpaceBefore && TwoLetterUnits.Contains(t.Text)));
}
