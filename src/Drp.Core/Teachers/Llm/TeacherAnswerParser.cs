using System.Text.Json;
using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Reads a teacher's answers in the method's plain format (<c>Step n: …</c> / <c>Skill: …</c> lines; action lines
/// and a pruned trace after <c>##</c>) or as JSON, the way real chat models write them: a reasoning teacher's own
/// <c>&lt;think&gt;</c> block set aside, markdown fences, bold labels and bullets, any case of the action words, a
/// preamble, a heading over the pruned trace, a sign-off after it, numbering gaps, JSON with prose or a trailing comma.
/// </summary>
public static partial class TeacherAnswerParser
{
    public static IReadOnlyList<Step> ParseSteps(string answer)
    {
        var text = Unwrapped(answer);
        if (JsonObjectIn(text) is { } json && json.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array)
        {
            return [.. steps.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("text", out _))
                .Select((s, i) => new Step(i + 1, s.GetProperty("text").GetString() ?? "", s.TryGetProperty("skill", out var k) ? k.GetString() ?? "" : ""))];
        }

        var result = new List<(List<string> Lines, string Skill)>();
        foreach (var line in text.Split('\n'))
        {
            if (StepLine().Match(line) is { Success: true } step)
            {
                result.Add(([step.Groups["text"].Value], ""));
            }
            else if (SkillLine().Match(line) is { Success: true } skill && result.Count > 0)
            {
                result[^1] = (result[^1].Lines, skill.Groups["skill"].Value.Trim().Trim('*', '_').Trim().ToLowerInvariant());
            }
            else if (result.Count > 0 && result[^1].Skill.Length == 0)
            {
                result[^1].Lines.Add(line);
            }
        }

        return [.. result.Select((s, i) => new Step(i + 1, string.Join('\n', s.Lines).Trim(), s.Skill.Length == 0 ? "unlabelled" : s.Skill))
            .Where(s => s.Text.Length > 0)];
    }

    /// <summary>The actions and the pruned trace of a prune answer; the trace is empty when none was found.</summary>
    public static (IReadOnlyList<StepAction> Actions, string Trace) ParsePrune(string answer)
    {
        var text = Unwrapped(answer);
        if (JsonObjectIn(text) is { } json && json.TryGetProperty("pruned", out var pruned))
        {
            var jsonActions = json.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(JsonAction).OfType<StepAction>().ToList()
                : [];
            return (jsonActions, (pruned.GetString() ?? "").Trim());
        }

        var actions = new List<StepAction>();
        foreach (Match match in ActionLine().Matches(text))
        {
            var first = int.Parse(match.Groups["first"].Value);
            var last = match.Groups["last"].Success ? int.Parse(match.Groups["last"].Value) : first;
            actions.Add(new StepAction([.. Enumerable.Range(first, Math.Max(1, last - first + 1))], ActionName(match.Groups["action"].Value)));
        }

        var marker = TraceMarker().Match(text);
        return (actions, marker.Success ? WithoutSignOff(WithoutHeading(text[(marker.Index + marker.Length)..])).Trim() : "");
    }

    /// <summary>
    /// The answer without what a model writes around it: its own thinking, wherever it stands before the answer (a
    /// <c>&lt;think&gt;…&lt;/think&gt;</c> block first, after a preamble or inside a code fence; an unclosed one is all
    /// thinking; a closing tag alone, from a template that opened the block in the prompt, ends the thinking), which may
    /// hold lines that look like steps or an answer; and code fences.
    /// </summary>
    public static string Unwrapped(string answer)
    {
        var text = answer.Replace("\r\n", "\n");
        if (text.Contains('<'))
        {
            text = ClosedThinking().Replace(text, "\n");
            if (OrphanClosingTag().Match(text) is { Success: true } closing)
            {
                text = text[(closing.Index + closing.Length)..];
            }

            if (OpeningTag().Match(text) is { Success: true } unclosed)
            {
                text = text[..unclosed.Index];
            }
        }

        return Fence().Replace(text, "");
    }

    /// <summary>A short answer that declines the task ("I'm sorry, but I can't help with that.") and holds no steps or trace.</summary>
    public static bool IsRefusal(string content) =>
        content.Length < 400 && RefusalOpening().IsMatch(content) && !content.Contains("Step ", StringComparison.OrdinalIgnoreCase) && !content.Contains("##", StringComparison.Ordinal);

    /// <summary>"## Pruned reasoning" over the trace is a heading, not the trace's first line.</summary>
    private static string WithoutHeading(string trace)
    {
        var heading = Heading().Match(trace);
        return heading.Success ? trace[heading.Length..] : trace;
    }

    /// <summary>
    /// The trace ends with its "The answer is …" sentence; a sign-off after it ("Let me know …") is not the student's.
    /// Text after it that computes (digits, "=") is left for the checks to judge.
    /// </summary>
    private static string WithoutSignOff(string trace)
    {
        var conclusion = ConclusionSentence().Matches(trace);
        if (conclusion.Count == 0)
        {
            return trace;
        }

        var end = conclusion[^1].Index + conclusion[^1].Length;
        return trace[end..].Any(c => char.IsAsciiDigit(c) || c == '=') ? trace : trace[..end];
    }

    private static StepAction? JsonAction(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array
        && element.TryGetProperty("action", out var action)
            ? new StepAction([.. steps.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Number).Select(s => s.GetInt32())], ActionName(action.GetString() ?? ""))
            : null;

    private static string ActionName(string raw) => raw.Trim().ToUpperInvariant() switch
    {
        "KEEP" => StepActions.Keep,
        "DELETE" => StepActions.Delete,
        "MERGE" or "MULTI-STEP COMPRESS" or "MULTI-STEP COMPRESSION" => StepActions.Merge,
        _ => StepActions.Compress,
    };

    /// <summary>The first JSON object in the text, ignoring prose around it.</summary>
    private static JsonElement? JsonObjectIn(string text)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text[start..(end + 1)], new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*```[a-zA-Z]*\s*$", RegexOptions.Multiline)]
    private static partial Regex Fence();

    // "Step 1: text", "**Step 1:** text", "- Step 1: text", and "### Step 1" with the text on the lines below.
    [GeneratedRegex(@"^\s*(?:[-•]\s+)?(?:[#*]+\s*)?Step\s+\d+\s*(?:\*\*)?\s*(?:[:.)]\s*(?:\*\*)?\s?(?<text>.*)|(?:\*\*)?\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^\s*(?:[-•]\s+)?[*_]*Skill[*_]*\s*:\s*[*_]*(?<skill>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SkillLine();

    [GeneratedRegex(@"^\s*(?:[-*•]\s*)?(?:\*\*)?Steps?\s+(?<first>\d+)(?:\s*(?:-|–|to|,|and)\s*(?<last>\d+))?\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*\**(?<action>KEEP|DELETE|MERGE|COMPRESS|SINGLE-STEP COMPRESS(?:ION)?|MULTI-STEP COMPRESS(?:ION)?)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"^[ \t]*##[ \t]*", RegexOptions.Multiline)]
    private static partial Regex TraceMarker();

    [GeneratedRegex(@"^\W*(?:I'm sorry|I am sorry|Sorry|I can(?:not|'t|’t)|I won(?:'|’)t|I'm unable|I am unable|I'm not able|I am not able)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefusalOpening();

    [GeneratedRegex(@"<(?<tag>think|thinking|reasoning)>.*?</\k<tag>>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ClosedThinking();

    // The last closing tag with no opening one: everything before it was thinking.
    [GeneratedRegex(@"</(?:think|thinking|reasoning)>(?!.*</(?:think|thinking|reasoning)>)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OrphanClosingTag();

    [GeneratedRegex(@"<(?:think|thinking|reasoning)>", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningTag();

    [GeneratedRegex(@"\A[ \t]*\**[ \t]*(?:the[ \t]+|my[ \t]+)?(?:pruned|shortened|concise|compressed|final)\b[^\n.]{0,40}\**[ \t]*:?[ \t]*\n", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    // "The answer is 3.5." ends at the stop that ends its sentence, not at the decimal point.
    [GeneratedRegex(@"The answer is[^\n]*?(?:[.!](?=\s|\z)|(?=\n)|\z)")]
    private static partial Regex ConclusionSentence();
}
