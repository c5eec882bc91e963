using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;

namespace Drp.Core.Io;

/// <summary>
/// Reads a Parquet file's rows as JSON objects, a row group at a time (memory holds one row group): list columns
/// become arrays and struct columns objects, so <c>--map</c> paths such as <c>generations[0]</c> or
/// <c>conversations[1].value</c> reach into them.
/// </summary>
public static class ParquetRawReader
{
    // Text as it is (no \u escapes for <, > or non-ASCII): written once here and read straight back.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async IAsyncEnumerable<RawItem> ReadAsync(string name, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int groups;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
            groups = reader.RowGroupCount;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputException($"{name}: not a readable Parquet file (cut off or not Parquet?): {e.Message}");
        }

        var row = 0;
        for (var group = 0; group < groups; group++)
        {
            IList<Dictionary<string, object>> rows;
            try
            {
                stream.Seek(0, SeekOrigin.Begin);
                rows = (await ParquetSerializer.DeserializeUntypedAsync(stream, null, group, cancellationToken)).Data;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InputException($"{name}: row group {group + 1} of {groups} cannot be read (after {row} rows): {e.Message}");
            }

            foreach (var values in rows)
            {
                row++;
                yield return RawItem.Ok($"{name}:row {row}", ToJson(values));
            }
        }
    }

    private static JsonElement ToJson(Dictionary<string, object> row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            Write(writer, row);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case ReadOnlyMemory<char> text:
                writer.WriteStringValue(text.Span);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IDictionary<string, object> fields:
                writer.WriteStartObject();
                foreach (var (key, field) in fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items and not byte[]:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong whole:
                writer.WriteNumberValue(whole);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case double or float when double.IsFinite(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)):
                writer.WriteNumberValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                // Dates, times, ids, and numbers JSON cannot hold (NaN, infinity) as text.
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
