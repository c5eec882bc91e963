using Drp.Core.Model;

namespace Drp.Core.Io;

/// <summary>
/// Splits a model's generation at <c>&lt;/think&gt;</c>: the reasoning before it (an opening <c>&lt;think&gt;</c> is
/// optional: R1-distill chat templates put it in the prompt) and the final answer after it.
/// </summary>
public static class TraceParser
{
    private const string Open = "<think>";
    private const string Close = "</think>";

    public static Trace Parse(string text, string? model = null)
    {
        var close = text.IndexOf(Close, StringComparison.Ordinal);
        var reasoningEnd = close < 0 ? text.Length : close;
        var open = text.IndexOf(Open, 0, reasoningEnd, StringComparison.Ordinal);
        var reasoningStart = open < 0 ? 0 : open + Open.Length;
        var reasoning = text[reasoningStart..reasoningEnd].Trim();
        var answer = close < 0 ? "" : text[(close + Close.Length)..].Trim();
        return new Trace(reasoning, answer, close >= 0, model);
    }
}
