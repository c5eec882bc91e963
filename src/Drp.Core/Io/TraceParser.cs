using Drp.Core.Model;

namespace Drp.Core.Io;

/// <summary>The markers around a model's reasoning, e.g. <c>&lt;think&gt;</c> and <c>&lt;/think&gt;</c>.</summary>
public sealed record ThinkTags(string Open, string Close)
{
    public static readonly ThinkTags Think = new("<think>", "</think>");

    /// <summary>Bespoke-Stratos and OpenThoughts (their answer sits between solution markers, removed here).</summary>
    public static readonly ThinkTags Stratos = new("<|begin_of_thought|>", "<|end_of_thought|>");

    public static readonly IReadOnlyList<ThinkTags> Known = [Think, Stratos];

    /// <summary>Parses <c>OPEN,CLOSE</c> (<c>--think-tags</c>).</summary>
    /// <exception cref="FormatException">Not two non-empty markers.</exception>
    public static ThinkTags Parse(string text) =>
        text.Split(',') is [var open, var close] && open.Trim().Length > 0 && close.Trim().Length > 0
            ? new ThinkTags(open.Trim(), close.Trim())
            : throw new FormatException($"--think-tags: '{text}' is not OPEN,CLOSE (e.g. <think>,</think>)");
}

/// <summary>
/// Splits a model's generation at the end of its thinking (<c>&lt;/think&gt;</c>, or the markers of another family):
/// the reasoning before it (an opening marker is optional: R1-distill chat templates put it in the prompt) and the
/// final answer after it, without solution markers.
/// </summary>
public static class TraceParser
{
    private static readonly string[] SolutionMarkers = ["<|begin_of_solution|>", "<|end_of_solution|>"];

    /// <param name="tags">The markers; null finds the known ones (&lt;think&gt; and the Stratos/OpenThoughts markers).</param>
    public static Trace Parse(string text, string? model = null, ThinkTags? tags = null)
    {
        tags ??= ThinkTags.Known.FirstOrDefault(t => text.Contains(t.Close, StringComparison.Ordinal))
            ?? ThinkTags.Known.FirstOrDefault(t => text.Contains(t.Open, StringComparison.Ordinal))
            ?? ThinkTags.Think;
        var close = text.IndexOf(tags.Close, StringComparison.Ordinal);
        var reasoningEnd = close < 0 ? text.Length : close;
        var open = text.IndexOf(tags.Open, 0, reasoningEnd, StringComparison.Ordinal);
        var reasoningStart = open < 0 ? 0 : open + tags.Open.Length;
        var reasoning = text[reasoningStart..reasoningEnd].Trim();
        var answer = close < 0 ? "" : WithoutSolutionMarkers(text[(close + tags.Close.Length)..]).Trim();
        return new Trace(reasoning, answer, close >= 0, model);
    }

    private static string WithoutSolutionMarkers(string answer)
    {
        foreach (var marker in SolutionMarkers)
        {
            answer = answer.Replace(marker, "", StringComparison.Ordinal);
        }

        return answer;
    }
}
