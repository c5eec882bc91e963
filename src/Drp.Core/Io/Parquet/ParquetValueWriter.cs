using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Unicode;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Writes one Parquet value in JSON as its logical type says: text from its UTF-8 bytes, numbers, decimals exactly,
/// dates and timestamps as ISO 8601 text, UUIDs, other binary as base64.
/// </summary>
internal sealed class ParquetValueWriter
{
    private static readonly System.Buffers.SearchValues<byte> JsonEscaped =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 32).Select(c => (byte)c), (byte)'"', (byte)'\\']);

    private byte[] escaped = [];

    /// <summary>Writes the value at the cursor; false when it is text that is not UTF-8 (written as null).</summary>
    public bool Write(ParquetField field, ParquetColumnCursor column, Utf8JsonWriter json)
    {
        switch (field.Kind)
        {
            case LeafKind.Text when Utf8.IsValid(column.Bytes):
                WriteText(column.Bytes, json);
                break;
            case LeafKind.Text:
                json.WriteNullValue();
                return false;
            case LeafKind.Boolean:
                json.WriteBooleanValue(column.Integer != 0);
                break;
            case LeafKind.Integer:
                json.WriteNumberValue(column.Integer);
                break;
            case LeafKind.Unsigned:
                json.WriteNumberValue(field.Unit == 32 ? (uint)column.Integer : (ulong)column.Integer);
                break;
            case LeafKind.Real when double.IsFinite(column.Real):
                json.WriteNumberValue(column.Real);
                break;
            case LeafKind.Real:
                json.WriteStringValue(column.Real.ToString(CultureInfo.InvariantCulture));
                break;
            case LeafKind.Decimal:
                WriteDecimal(new BigInteger(column.Integer), (int)field.Unit, json);
                break;
            case LeafKind.DecimalBytes:
                WriteDecimal(new BigInteger(column.Bytes, isUnsigned: false, isBigEndian: true), (int)field.Unit, json);
                break;
            case LeafKind.Date:
                json.WriteStringValue(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)column.Integer).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case LeafKind.Timestamp:
                var ticks = field.Unit <= TimeSpan.TicksPerSecond ? column.Integer * (TimeSpan.TicksPerSecond / field.Unit) : column.Integer / (field.Unit / TimeSpan.TicksPerSecond);
                json.WriteStringValue(DateTime.UnixEpoch.AddTicks(ticks).ToString("O", CultureInfo.InvariantCulture));
                break;
            case LeafKind.Int96Timestamp:
                // Nanoseconds of the day (8 bytes), then the Julian day (4 bytes), little-endian.
                var nanoseconds = BinaryPrimitives.ReadInt64LittleEndian(column.Bytes);
                var julianDay = BinaryPrimitives.ReadInt32LittleEndian(column.Bytes[8..]);
                json.WriteStringValue(DateTime.UnixEpoch.AddDays(julianDay - 2_440_588).AddTicks(nanoseconds / 100).ToString("O", CultureInfo.InvariantCulture));
                break;
            case LeafKind.Uuid:
                json.WriteStringValue(new Guid(column.Bytes, bigEndian: true).ToString());
                break;
            default:
                json.WriteBase64StringValue(column.Bytes);
                break;
        }

        return true;
    }

    /// <summary>
    /// A JSON string of valid UTF-8 text, escaping only what JSON requires (quote, backslash, control characters):
    /// faster than the writer's own escaping, which encodes character by character after a trace's first line break.
    /// </summary>
    private void WriteText(ReadOnlySpan<byte> text, Utf8JsonWriter json)
    {
        var length = 0;
        Reserve(length, text.Length + 2);
        escaped[length++] = (byte)'"';
        while (text.IndexOfAny(JsonEscaped) is var next && next >= 0)
        {
            // The rest of the text, this character escaped (6 bytes at most) and the closing quote.
            Reserve(length, text.Length + 6);
            text[..next].CopyTo(escaped.AsSpan(length));
            length += next;
            length += Escape(text[next], escaped.AsSpan(length));
            text = text[(next + 1)..];
        }

        text.CopyTo(escaped.AsSpan(length));
        length += text.Length;
        escaped[length++] = (byte)'"';
        json.WriteRawValue(escaped.AsSpan(0, length), skipInputValidation: true);
    }

    /// <summary>Makes room for <paramref name="more"/> bytes after the first <paramref name="kept"/> (a text with many
    /// escapes grows the buffer as it goes, not to six times every text's length).</summary>
    private void Reserve(int kept, int more)
    {
        if (escaped.Length < kept + more)
        {
            Array.Resize(ref escaped, Math.Max(kept + more, escaped.Length + escaped.Length / 2));
        }
    }

    private static int Escape(byte character, Span<byte> target)
    {
        target[0] = (byte)'\\';
        var shortForm = character switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'\n' => (byte)'n',
            (byte)'\r' => (byte)'r',
            (byte)'\t' => (byte)'t',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            target[1] = shortForm;
            return 2;
        }

        return 1 + System.Text.Encoding.ASCII.GetBytes($"u{character:x4}", target[1..]);
    }

    private static void WriteDecimal(BigInteger unscaled, int scale, Utf8JsonWriter json)
    {
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        var text = (unscaled.Sign < 0 ? "-" : "") + (scale == 0 ? digits : $"{digits[..^scale]}.{digits[^scale..]}");
        json.WriteRawValue(text);
    }
}
