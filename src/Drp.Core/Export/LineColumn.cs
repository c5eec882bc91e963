using System.Runtime.InteropServices;
using System.Text.Json;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Drp.Core.Export;

/// <summary>
/// One field of a training line as Parquet columns, with the values of the lines not yet written: a text field is a
/// string column; a list of turns (<c>[{"role": …, "content": …}]</c>) is a list of structs, one string column per
/// field of a turn.
/// </summary>
internal sealed class LineColumn
{
    private readonly int firstLeaf;
    private readonly string[] turnFields;
    private readonly List<string> texts = [];
    private readonly List<Nested<string>[]>[] turns;

    private LineColumn(string name, int firstLeaf, string[] turnFields)
    {
        (Name, this.firstLeaf, this.turnFields) = (name, firstLeaf, turnFields);
        turns = [.. turnFields.Select(_ => new List<Nested<string>[]>())];
    }

    public string Name { get; }

    private bool IsTurns => turnFields.Length > 0;

    /// <summary>The column of a line's field, its leaves numbered from <paramref name="leaves"/> on.</summary>
    public static LineColumn For(JsonProperty field, ref int leaves)
    {
        var turnFields = field.Value.ValueKind == JsonValueKind.Array ? field.Value[0].EnumerateObject().Select(f => f.Name).ToArray() : [];
        var column = new LineColumn(field.Name, leaves, turnFields);
        leaves += Math.Max(1, turnFields.Length);
        return column;
    }

    /// <summary>The schema node: a required string, or a required list of required structs of strings.</summary>
    public Node Node => IsTurns
        ? new GroupNode(Name, Repetition.Required, [new GroupNode("list", Repetition.Repeated, [new GroupNode("element", Repetition.Required, [.. turnFields.Select(Text)])])], LogicalType.List())
        : Text(Name);

    /// <summary>Keeps the field's value of a line; returns its length in characters.</summary>
    public long Add(JsonElement value)
    {
        if (!IsTurns)
        {
            var text = value.GetString()!;
            texts.Add(text);
            return text.Length;
        }

        var length = 0L;
        var count = value.GetArrayLength();
        for (var k = 0; k < turnFields.Length; k++)
        {
            var values = new Nested<string>[count];
            var i = 0;
            foreach (var turn in value.EnumerateArray())
            {
                var text = turn.GetProperty(turnFields[k]).GetString()!;
                values[i++] = new Nested<string>(text);
                length += text.Length;
            }

            turns[k].Add(values);
        }

        return length;
    }

    /// <summary>Writes the kept values into the row group and forgets them.</summary>
    public void Write(RowGroupWriter rowGroup)
    {
        if (!IsTurns)
        {
            using var writer = rowGroup.Column(firstLeaf).LogicalWriter<string>();
            writer.WriteBatch(CollectionsMarshal.AsSpan(texts));
            texts.Clear();
            return;
        }

        for (var k = 0; k < turnFields.Length; k++)
        {
            using var writer = rowGroup.Column(firstLeaf + k).LogicalWriter<Nested<string>[]>();
            writer.WriteBatch(CollectionsMarshal.AsSpan(turns[k]));
            turns[k].Clear();
        }
    }

    private static PrimitiveNode Text(string name) => new(name, Repetition.Required, LogicalType.String(), PhysicalType.ByteArray);
}
