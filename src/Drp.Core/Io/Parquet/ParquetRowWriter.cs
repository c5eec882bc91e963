using System.Text.Json;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Assembles a row group's rows as JSON objects from its columns' cursors, one row at a time: walks the fields and
/// reads each leaf's levels to tell a value from a null, an empty list or a next element. Text goes from the file's
/// UTF-8 bytes to the JSON as it is.
/// </summary>
internal sealed class ParquetRowWriter(IReadOnlyList<ParquetField> fields, IReadOnlyList<ParquetColumnCursor> columns)
{
    private readonly System.Buffers.ArrayBufferWriter<byte> buffer = new(1 << 16);
    private readonly ParquetValueWriter values = new();
    private Utf8JsonWriter? writer;
    private bool invalidText;

    /// <summary>The next row, or null when one of its texts is not UTF-8 (the row is still read past).</summary>
    public JsonElement? Next()
    {
        buffer.ResetWrittenCount();
        writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        invalidText = false;
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            Write(field, writer);
        }

        writer.WriteEndObject();
        writer.Flush();
        if (invalidText)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Write(ParquetField field, Utf8JsonWriter json)
    {
        var lead = columns[field.FirstLeaf];
        if (field.Optional && lead.Definition < field.Definition)
        {
            json.WriteNullValue();
            Skip(field);
            return;
        }

        switch (field.Shape)
        {
            case FieldShape.Value:
                invalidText |= !values.Write(field, lead, json);
                lead.Advance(field.Definition);
                break;
            case FieldShape.Struct:
                json.WriteStartObject();
                foreach (var child in field.Fields)
                {
                    json.WritePropertyName(child.Name);
                    Write(child, json);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteStartArray();
                if (lead.Definition < field.ElementLevels.Definition)
                {
                    Skip(field);
                }
                else
                {
                    do
                    {
                        Write(field.Element!, json);
                    }
                    while (lead.HasEntry && lead.Repetition == field.ElementLevels.Repetition);
                }

                json.WriteEndArray();
                break;
        }
    }

    /// <summary>Moves past a null field or an empty list: one level entry in each of its leaves.</summary>
    private void Skip(ParquetField field)
    {
        for (var leaf = field.FirstLeaf; leaf < field.FirstLeaf + field.LeafCount; leaf++)
        {
            columns[leaf].Skip();
        }
    }
}
