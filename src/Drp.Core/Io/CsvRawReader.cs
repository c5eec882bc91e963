using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;

namespace Drp.Core.Io;

/// <summary>The rows of a CSV file with a header, as JSON objects of strings; multi-line quoted fields work.</summary>
internal static class CsvRawReader
{
    public static async IAsyncEnumerable<RawItem> ReadAsync(string name, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Malformed rows are skipped and reported, so one bad quote loses one row, not the rest of the file.
        var malformed = new Queue<RawItem>();
        var options = CsvReaderOptions.Default with
        {
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Enqueue(RawItem.Bad(
                $"{name}:{record.LineNumber}", $"malformed CSV row ({Describe(record.Reason)}), skipped: {Shorten(record.RawRecord)}")),
            TrackLineNumbers = true,
            Separator = ',',
        };
        await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        string[] headers;
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            headers = [.. csv.Headers];
        }
        catch (CsvFormatException e)
        {
            throw new InputException($"{name}: unreadable CSV header: {e.Message}");
        }

        if (headers.Length == 0)
        {
            throw new InputException($"{name}: no CSV header (the file is empty, or not CSV: a JSON or JSON Lines file is read without --input-format csv)");
        }

        while (true)
        {
            bool more;
            RawItem? row = null;
            try
            {
                more = await csv.ReadAsync(cancellationToken);
                if (more)
                {
                    row = InvalidUtf8(headers, csv) is { } field
                        ? RawItem.Bad($"{name}:{csv.LineNumber}", RawReader.InvalidUtf8In(field))
                        : RawItem.Ok($"{name}:{csv.LineNumber}", RowToJson(headers, csv));
                }
            }
            catch (CsvFormatException e)
            {
                more = false;
                malformed.Enqueue(RawItem.Bad(name, $"unreadable CSV, reading stopped: {e.Message}"));
            }

            while (malformed.TryDequeue(out var bad))
            {
                yield return bad;
            }

            if (!more)
            {
                yield break;
            }

            yield return row!;
        }
    }

    /// <summary>
    /// The first field holding bytes that are no UTF-8 character (read as U+FFFD, as the reader decodes them), or null:
    /// such a row is rejected, as a JSON line with them is, rather than exported with � in its text.
    /// </summary>
    private static string? InvalidUtf8(string[] headers, CsvReader csv)
    {
        for (var i = 0; i < Math.Min(headers.Length, csv.FieldCount); i++)
        {
            if (csv.GetString(i).Contains('\uFFFD', StringComparison.Ordinal))
            {
                return headers[i];
            }
        }

        return null;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
        _ => reason.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static JsonElement RowToJson(string[] headers, CsvReader csv)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < headers.Length; i++)
            {
                if (i < csv.FieldCount)
                {
                    writer.WriteString(headers[i], csv.GetString(i));
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
