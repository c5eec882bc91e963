using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>
/// The student's text after <c>&lt;/think&gt;</c>, judged as the training line will carry it: complete, or cut off at
/// the student's length limit (mid-sentence, an open <c>\boxed{</c>, an unclosed display).
/// </summary>
public static partial class FinalAnswerSection
{
    /// <summary>
    /// True when the text stops where no writer stops: inside braces or a <c>\[…\]</c> or <c>\(…\)</c> display, or
    /// after a word or a colon rather than at the end of a sentence, formula or answer line. (A lone <c>$</c> proves
    /// nothing: it is also the sign of money.)
    /// </summary>
    public static bool IsCut(string section)
    {
        var text = section.TrimEnd();
        if (text.Length == 0 || !IsBalanced(text))
        {
            return true;
        }

        var last = text[^1];
        if (".!?)]}$*\"'”’|".Contains(last))
        {
            return false;
        }

        // "**Answer:** 18", "Answer: John paid \$360 in total": an answer line ends where its value ends.
        var lastLine = text[(text.LastIndexOf('\n') + 1)..];
        return !AnswerLine().IsMatch(lastLine);
    }

    private static bool IsBalanced(string text)
    {
        var braces = 0;
        var (display, inline) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                display += next switch { '[' => 1, ']' => -1, _ => 0 };
                inline += next switch { '(' => 1, ')' => -1, _ => 0 };
                i++;
                continue;
            }

            braces += c switch { '{' => 1, '}' => -1, _ => 0 };
        }

        return braces <= 0 && display <= 0 && inline <= 0;
    }

    [GeneratedRegex(@"^\W*(?:final\s+)?answer\W*:", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLine();
}
