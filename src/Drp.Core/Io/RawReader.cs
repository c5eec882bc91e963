using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Drp.Core.Io.Parquet;

namespace Drp.Core.Io;

/// <summary>
/// Reads the records of a JSONL file, a JSON array, a JSON object holding the records under a key, or a CSV file
/// with a header, as JSON values, one record at a time (a JSON document too: see <see cref="JsonDocumentReader"/>).
/// A record that cannot be parsed becomes a <see cref="RawItem"/> with an error and reading goes on wherever the
/// format allows it (the next line, row or array element).
/// </summary>
public static class RawReader
{
    internal static readonly string InvalidUtf8 = InvalidUtf8In(null);

    /// <summary>Why a record with bytes that are no UTF-8 character is rejected; <paramref name="field"/> where a format names it.</summary>
    internal static string InvalidUtf8In(string? field) =>
        $"invalid UTF-8{(field is null ? "" : $" in field '{field}'")} (bytes that are no UTF-8 character); re-encode the file as UTF-8";

    internal static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = 256 };

    /// <param name="path">A file path, a folder or a glob (their files read in name order as one input: the shards of a
    /// Hub dataset), or <c>-</c> for standard input.</param>
    /// <param name="recordsKey">For a JSON object: the (dotted) key holding the records; null finds the first array of objects.</param>
    /// <param name="split">Of a folder or glob holding several splits, the one to read (see <see cref="InputFiles"/>).</param>
    public static async IAsyncEnumerable<RawItem> ReadAsync(
        string path,
        InputFormat format = InputFormat.Auto,
        string? recordsKey = null,
        Stream? stdin = null,
        string split = InputFiles.DefaultSplit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var file in InputFiles.Of(path, split).Files)
        {
            await foreach (var item in ReadFileAsync(file.Path, format, recordsKey, stdin, cancellationToken))
            {
                yield return file.Split is null ? item : item with { Split = file.Split };
            }
        }
    }

    private static async IAsyncEnumerable<RawItem> ReadFileAsync(
        string path, InputFormat format, string? recordsKey, Stream? stdin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = path == "-" ? "<stdin>" : path;
        if (format == InputFormat.Auto)
        {
            format = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? InputFormat.Csv
                : path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? InputFormat.Parquet
                : format;
        }

        var stream = path == "-" ? stdin ?? Console.OpenStandardInput() : OpenFile(path);
        await using var _ = stream;
        if (format == InputFormat.Auto && await IsParquetAsync(stream, cancellationToken))
        {
            format = InputFormat.Parquet;
        }

        if (format == InputFormat.Parquet)
        {
            await using var seekable = stream.CanSeek ? null : await SpoolAsync(stream, cancellationToken);
            await foreach (var item in ParquetRawReader.ReadAsync(name, seekable ?? stream, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        if (format == InputFormat.Csv)
        {
            await foreach (var item in CsvRawReader.ReadAsync(name, stream, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var (firstLine, firstLineNumber) = await ReadFirstContentLineAsync(reader, cancellationToken);
        if (firstLine is null)
        {
            throw new InputException($"{name}: empty input, no records");
        }

        if (format == InputFormat.Auto)
        {
            format = recordsKey is null && LooksLikeJsonLines(firstLine) ? InputFormat.Jsonl : InputFormat.Json;
        }

        if (format == InputFormat.Jsonl)
        {
            await foreach (var item in ReadJsonLinesAsync(name, reader, firstLine, firstLineNumber, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        await using var spool = stream.CanSeek ? null : await SpoolAsync(firstLine, reader, cancellationToken);
        var document = spool ?? stream;
        document.Seek(0, SeekOrigin.Begin);
        foreach (var item in JsonDocumentReader.Read(name, document, recordsKey))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    /// <summary>Whether a file starts as a Parquet file does ("PAR1"), whatever its name; a stream that cannot seek is not looked at.</summary>
    private static async Task<bool> IsParquetAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || stream.Length < 8)
        {
            return false;
        }

        var magic = new byte[4];
        var read = await stream.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Seek(0, SeekOrigin.Begin);
        return read == 4 && magic.AsSpan().SequenceEqual("PAR1"u8);
    }

    /// <summary>A Parquet file from standard input is written to a temporary file: its footer is read first.</summary>
    private static async Task<Stream> SpoolAsync(Stream stdin, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await stdin.CopyToAsync(spool, cancellationToken);
        spool.Seek(0, SeekOrigin.Begin);
        return spool;
    }

    /// <summary>A JSON document from standard input is written to a temporary file, to read it a record at a time.</summary>
    private static async Task<Stream> SpoolAsync(string firstLine, StreamReader reader, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await using var writer = new StreamWriter(spool, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteLineAsync(firstLine.AsMemory(), cancellationToken);
        var chunk = new char[1 << 16];
        while (await reader.ReadAsync(chunk, cancellationToken) is var read and > 0)
        {
            await writer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return spool;
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}");
        }
    }

    private static async Task<(string? Line, int Number)> ReadFirstContentLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                return (line, number);
            }
        }

        return (null, number);
    }

    /// <summary>A first line that is a whole JSON object, and no container of records (a JSON file on one line).</summary>
    private static bool LooksLikeJsonLines(string firstLine)
    {
        var trimmed = firstLine.TrimStart();
        if (!trimmed.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed, DocumentOptions);
        }
        catch (JsonException)
        {
            return false;
        }

        return !JsonDocumentReader.HoldsRecords(Encoding.UTF8.GetBytes(trimmed));
    }

    private static async IAsyncEnumerable<RawItem> ReadJsonLinesAsync(
        string name, StreamReader reader, string firstLine, int firstLineNumber, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = firstLineNumber;
        var line = firstLine;
        while (line is not null)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ParseLine(name, number, line);
            }

            line = await reader.ReadLineAsync(cancellationToken);
            number++;
        }
    }

    private static RawItem ParseLine(string name, int number, string line)
    {
        var location = $"{name}:{number}";
        if (line.Contains('\uFFFD'))
        {
            return RawItem.Bad(location, InvalidUtf8);
        }

        try
        {
            using var document = JsonDocument.Parse(line, DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? RawItem.Ok(location, document.RootElement.Clone())
                : RawItem.Bad(location, $"expected a JSON object, found {Describe(document.RootElement.ValueKind)}");
        }
        catch (JsonException e)
        {
            return RawItem.Bad(location, $"malformed JSON at column {JsonErrors.Column(line, e)}: {JsonErrors.Words(e)}");
        }
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
