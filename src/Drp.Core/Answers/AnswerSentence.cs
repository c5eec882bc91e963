using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>The closing sentence of a pruned trace, as the DRP method writes it.</summary>
public static partial class AnswerSentence
{
    /// <summary>"The answer is 60." for a number; a LaTeX answer inside <c>$…$</c>.</summary>
    public static string For(string answer) =>
        Latex().IsMatch(answer) ? $"The answer is ${answer}$." : $"The answer is {answer.TrimEnd('.')}.";

    [GeneratedRegex(@"[\\^_{}]")]
    private static partial Regex Latex();
}
