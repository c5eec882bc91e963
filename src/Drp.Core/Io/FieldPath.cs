using System.Globalization;
using System.Text.Json;

namespace Drp.Core.Io;

/// <summary>A dotted path with indices into a JSON record, such as <c>model_answers.thinking_model</c> or <c>code[0]</c>.</summary>
public sealed class FieldPath
{
    private readonly IReadOnlyList<object> segments;

    private FieldPath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        this.segments = segments;
    }

    public string Text { get; }

    /// <summary>The <c>[*]</c> of a path that takes every element of an array (one record each).</summary>
    private static readonly object Every = new();

    /// <summary>Whether the path has <c>[*]</c>: a record for each element.</summary>
    public bool IsFanned => segments.Contains(Every);

    /// <summary>How many elements <c>[*]</c> stands for in this record (0 where the array is missing).</summary>
    public int FanCount(JsonElement root)
    {
        var prefix = new FieldPath(Text, [.. segments.TakeWhile(s => s != Every)]);
        return prefix.Resolve(root).Value is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 0;
    }

    /// <summary>The path with <c>[*]</c> replaced by one index.</summary>
    public FieldPath At(int index) =>
        new(Text.Replace("[*]", $"[{index.ToString(CultureInfo.InvariantCulture)}]", StringComparison.Ordinal), [.. segments.Select(s => s == Every ? index : s)]);

    /// <summary>The names (strings) and indices (ints) of the path, in order.</summary>
    internal IReadOnlyList<object> Segments => segments;

    /// <exception cref="FormatException">The path is empty or an index is not a whole number.</exception>
    public static FieldPath Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("empty field path");
        }

        var segments = new List<object>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                segments.Add(name);
            }
            else if (bracket < 0)
            {
                throw new FormatException($"'{text}': empty name between dots");
            }

            var rest = bracket < 0 ? "" : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']');
                if (close > 0 && rest.StartsWith("[*]", StringComparison.Ordinal) && !segments.Contains(Every))
                {
                    segments.Add(Every);
                }
                else if (!rest.StartsWith('[') || close < 0
                    || !int.TryParse(rest[1..close], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    throw new FormatException($"'{text}': an index must look like [0] (or [-1] for the last, [*] once for every element)");
                }
                else
                {
                    segments.Add(index);
                }

                rest = rest[(close + 1)..];
            }
        }

        return new FieldPath(text, segments);
    }

    /// <summary>The value at this path, or a message saying which part of the path is missing.</summary>
    public (JsonElement? Value, string? Error) Resolve(JsonElement root)
    {
        var current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var found = segments[i] is string name
                ? current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var next) ? next : (JsonElement?)null
                : segments[i] is int index && current.ValueKind == JsonValueKind.Array && Within(index, current.GetArrayLength()) is { } at ? current[at] : null;
            if (found is not { } value)
            {
                return (null, Missing(i));
            }

            current = value;
        }

        return (current, null);
    }

    /// <summary>The position an index names in an array of this length (from the end when negative), or null.</summary>
    private static int? Within(int index, int length) => (index < 0 ? length + index : index) is var at && at >= 0 && at < length ? at : null;

    /// <summary>What to say when the part <paramref name="index"/> of the path is not there.</summary>
    internal string Missing(int index)
    {
        var walked = string.Concat(segments.Take(index).Select((s, i) => s is string name ? (i == 0 ? name : $".{name}") : $"[{s}]"));
        return segments[index] is string missing
            ? walked.Length == 0 ? $"no field '{missing}'" : $"no field '{missing}' under '{walked}'"
            : $"no element [{segments[index]}] in '{walked}'";
    }

    public override string ToString() => Text;
}
