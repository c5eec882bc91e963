using System.Text;
using System.Text.RegularExpressions;

namespace Drp.Tests;

/// <summary>What real chat models add around or change in an answer of the requested form.</summary>
[Flags]
public enum Habit
{
    None = 0,

    /// <summary>"Here is the step-by-step decomposition:" before the block.</summary>
    Preamble = 1,

    /// <summary>"Let me know if you would like any changes." after it.</summary>
    SignOff = 2,

    /// <summary>The whole answer in a code fence.</summary>
    Fence = 4,

    /// <summary><c>**Step 1:**</c>, <c>**Skill:**</c>, <c>**Actions:**</c>, <c>- Step 2: Delete</c>, "## Pruned reasoning" as a heading.</summary>
    Markdown = 8,

    /// <summary>The teacher's own <c>&lt;think&gt;…&lt;/think&gt;</c> first, with lines that look like steps and answers.</summary>
    Thinking = 16,

    /// <summary>In copied steps: curly apostrophes, a line break as a space, a non-breaking space, a bold number.</summary>
    Typography = 32,

    /// <summary>"Here is the result:" and then the teacher's own <c>&lt;think&gt;…&lt;/think&gt;</c>, before the answer.</summary>
    ThinkingAfterPreamble = 64,

    /// <summary>The teacher's own <c>&lt;think&gt;…&lt;/think&gt;</c> inside the code fence that holds the answer.</summary>
    ThinkingInFence = 128,

    /// <summary>In a prune answer: "**Final Answer**" and <c>\boxed{X}</c> just before the closing "The answer is X.".</summary>
    DoubledAnswer = 256,

    All = Preamble | SignOff | Fence | Markdown | Thinking | Typography | ThinkingAfterPreamble | ThinkingInFence | DoubledAnswer,
}

/// <summary>
/// Dresses a teacher's clean answer (see <see cref="FakeOpenAiServer.Teach"/>) in the habits of real chat models,
/// without changing what it says: the same steps, actions and pruned trace, packaged and typeset as models do.
/// </summary>
public static partial class ModelHabits
{
    /// <summary>The habits one request gets: a mix that depends on the prompt, so that a corpus sees all of them.</summary>
    public static Habit For(string prompt)
    {
        var hash = 17;
        foreach (var c in prompt)
        {
            hash = unchecked(hash * 31 + c);
        }

        return (Habit)((hash & 0x7fffffff) % ((int)Habit.All + 1)) | Habit.Typography;
    }

    public static string Dress(string answer, Habit habits)
    {
        var decomposition = answer.StartsWith("Step 1:", StringComparison.Ordinal);
        if (habits.HasFlag(Habit.Typography) && decomposition)
        {
            answer = StepText().Replace(answer, m => "Step " + m.Groups["n"].Value + ": " + Typeset(m.Groups["text"].Value) + "\nSkill:");
        }

        if (habits.HasFlag(Habit.Markdown))
        {
            answer = decomposition
                ? StepLabel().Replace(answer.Replace("\nSkill:", "\n**Skill:**", StringComparison.Ordinal), "**Step ${n}:**")
                : PruneMarkdown(answer);
        }

        if (habits.HasFlag(Habit.DoubledAnswer) && !decomposition && FinalAnswer().Match(answer) is { Success: true } final)
        {
            answer = answer[..final.Index] + $"**Final Answer**\n\\boxed{{{final.Groups["answer"].Value}}}\n\n" + answer[final.Index..];
        }

        var text = new StringBuilder();
        if (habits.HasFlag(Habit.Thinking))
        {
            text.Append(TeacherThinking);
        }

        if (habits.HasFlag(Habit.ThinkingAfterPreamble))
        {
            text.Append("Here is the result:\n\n").Append(TeacherThinking);
        }

        if (habits.HasFlag(Habit.Fence) || habits.HasFlag(Habit.ThinkingInFence))
        {
            text.Append("```\n");
        }

        if (habits.HasFlag(Habit.ThinkingInFence))
        {
            text.Append(TeacherThinking);
        }

        if (habits.HasFlag(Habit.Preamble))
        {
            text.Append(decomposition ? "Here is the step-by-step decomposition:\n\n" : "Sure! Here is my decision for each step and the pruned reasoning.\n\n");
        }

        text.Append(answer);
        if (habits.HasFlag(Habit.Fence) || habits.HasFlag(Habit.ThinkingInFence))
        {
            text.Append("\n```");
        }

        if (habits.HasFlag(Habit.SignOff))
        {
            text.Append("\n\nLet me know if you would like any changes.");
        }

        return text.ToString();
    }

    /// <summary>The teacher's own thinking, with lines that look like steps, actions and a pruned trace: a marker no line drp writes may hold.</summary>
    public const string TeacherThinking = "<think>\nThe user wants me to work on this. Step 1: I could copy the first sentence.\nSkill: planning\nActions:\nStep 1: DELETE\n## A draft of the teacher. The answer is 12345.\n</think>\n\n";

    /// <summary>What a model does to text it copies: ’ for ', a line break as a space, a non-breaking space, bold digits.</summary>
    private static string Typeset(string step)
    {
        var typeset = step.Replace('\'', '’').Replace('\n', ' ');
        typeset = FirstSpace().Replace(typeset, "\u00A0", 1);
        return FirstNumber().Replace(typeset, "**$1**", 1);
    }

    private static string PruneMarkdown(string answer)
    {
        var marker = answer.IndexOf("\n## ", StringComparison.Ordinal);
        var (actions, trace) = (answer[..marker], answer[(marker + 4)..]);
        actions = ActionLine().Replace(actions.Replace("Actions:", "**Actions:**", StringComparison.Ordinal),
            m => $"- Step {m.Groups["n"].Value}: {m.Groups["action"].Value[..1]}{m.Groups["action"].Value[1..].ToLowerInvariant()}");
        return $"{actions}\n## Pruned reasoning\n\n{trace}";
    }

    [GeneratedRegex(@"Step (?<n>\d+): (?<text>.*?)\nSkill:", RegexOptions.Singleline)]
    private static partial Regex StepText();

    [GeneratedRegex(@"^Step (?<n>\d+):", RegexOptions.Multiline)]
    private static partial Regex StepLabel();

    [GeneratedRegex(@"^Step (?<n>\d+): (?<action>[A-Z]+)$", RegexOptions.Multiline)]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"The answer is (?<answer>[^\n]*?)\.?\s*\z")]
    private static partial Regex FinalAnswer();

    [GeneratedRegex(@"(?<=\d) ")]
    private static partial Regex FirstSpace();

    [GeneratedRegex(@"(?<![\d.])(\d+)(?![\d.])")]
    private static partial Regex FirstNumber();
}
