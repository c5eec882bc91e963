namespace Drp.Core.Answers;

/// <summary>Turns the gold field of a benchmark into the final answer alone.</summary>
public static class GoldAnswer
{
    /// <summary>
    /// GSM8K: the text after the last <c>####</c>. A worked solution (MATH style) or a boxed gold: its boxed answer (<see cref="AnswerExtractor.BoxedAnswer"/>).
    /// Anything else: the text itself, trimmed.
    /// </summary>
    public static string Normalize(string raw)
    {
        var marker = raw.LastIndexOf("####", StringComparison.Ordinal);
        if (marker >= 0)
        {
            return raw[(marker + 4)..].Trim();
        }

        if (AnswerExtractor.BoxedAnswer(raw) is { } boxed)
        {
            return boxed;
        }

        return raw.Trim();
    }
}
