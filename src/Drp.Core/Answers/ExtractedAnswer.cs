namespace Drp.Core.Answers;

/// <summary>A final answer found in a text, and how it was found (a last-number guess is the weakest).</summary>
public sealed record ExtractedAnswer(string Value, string Method)
{
    public const string Boxed = "boxed";
    public const string AnswerIs = "answer_is";
    public const string Hashes = "hashes";
    public const string FinalAnswerHeading = "final_answer_heading";
    public const string LastNumber = "last_number";
}
