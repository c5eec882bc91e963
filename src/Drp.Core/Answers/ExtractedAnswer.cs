namespace Drp.Core.Answers;

/// <summary>A final answer found in a text, and how it was found (a last number or expression is a guess).</summary>
public sealed record ExtractedAnswer(string Value, string Method)
{
    public const string Boxed = "boxed";
    public const string AnswerIs = "answer_is";
    public const string Hashes = "hashes";
    public const string FinalAnswerHeading = "final_answer_heading";
    public const string LastNumber = "last_number";
    public const string LastExpression = "last_expression";

    /// <summary>Found without any sign that it is the answer: the last number or math of the text.</summary>
    public bool IsGuess => Method is LastNumber or LastExpression;
}
