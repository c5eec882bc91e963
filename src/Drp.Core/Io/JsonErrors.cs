using System.Text;
using System.Text.Json;

namespace Drp.Core.Io;

/// <summary>A JSON parser's error in drp's words: what is wrong, without the parser's positions (drp names the place itself).</summary>
public static class JsonErrors
{
    public static string Words(JsonException e)
    {
        var message = e.Message;
        foreach (var cut in new[] { " Path: ", " LineNumber: " })
        {
            if (message.IndexOf(cut, StringComparison.Ordinal) is var at and >= 0)
            {
                message = message[..at];
            }
        }

        message = message.Trim().TrimEnd('.', ' ', '|');
        return message.StartsWith("Expected depth to be zero at the end of the JSON payload", StringComparison.Ordinal) ? "the text ends inside an object or array (cut off?)"
            : message.StartsWith("Expected end of string, but instead reached end of data", StringComparison.Ordinal) ? "the text ends inside a string (cut off?)"
            : message.EndsWith("but instead reached end of data", StringComparison.Ordinal) ? "the text ends inside an object or array (cut off?)"
            : message;
    }

    /// <summary>Where in a file the parser stopped and why: "line 3, column 7: …".</summary>
    public static string At(JsonException e) => $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {Words(e)}";

    /// <summary>The column (from 1, in characters) where the parser stopped in a line.</summary>
    public static long Column(string line, JsonException e)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(e.BytePositionInLine ?? 0, bytes.Length)) + 1;
    }
}
