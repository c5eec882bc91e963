using System.Text.Json;
using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// Reads a teacher's answers in the method's plain format (<c>Step n: …</c> / <c>Skill: …</c> lines; action lines
/// and a pruned trace after <c>##</c>) or as JSON, tolerating markdown fences, stray prose and numbering gaps.
/// </summary>
public static partial class TeacherAnswerParser
{
    public static IReadOnlyList<Step> ParseSteps(string answer)
    {
        var text = StripFences(answer);
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
                result[^1] = (result[^1].Lines, skill.Groups["skill"].Value.Trim().Trim('*').Trim().ToLowerInvariant());
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
        var text = StripFences(answer);
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
        return (actions, marker.Success ? text[(marker.Index + marker.Length)..].Trim() : "");
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

    private static string StripFences(string answer) => Fence().Replace(answer.Replace("\r\n", "\n"), "");

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
            using var document = JsonDocument.Parse(text[start..(end + 1)]);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*```[a-zA-Z]*\s*$", RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*(?:[#*]+\s*)?Step\s+\d+\s*(?:\*\*)?\s*[:.)]\s*(?:\*\*)?\s?(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^\s*(?:\*\*)?Skill(?:\*\*)?\s*:\s*(?:\*\*)?(?<skill>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SkillLine();

    [GeneratedRegex(@"^\s*(?:[-*]\s*)?Steps?\s+(?<first>\d+)(?:\s*(?:-|–|to|,|and)\s*(?<last>\d+))?\s*:\s*\**(?<action>KEEP|DELETE|MERGE|COMPRESS|SINGLE-STEP COMPRESS(?:ION)?|MULTI-STEP COMPRESS(?:ION)?)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"^[ \t]*##[ \t]*", RegexOptions.Multiline)]
    private static partial Regex TraceMarker();
}
