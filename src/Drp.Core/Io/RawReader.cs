using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Drp.Core.Io;

/// <summary>
/// Reads the records of a JSONL file, a JSON array, a JSON object holding the records under a key, or a CSV file
/// with a header, as JSON values. A record that cannot be parsed becomes a <see cref="RawItem"/> with an error and
/// reading goes on wherever the format allows it (JSONL and CSV: the next line or row).
/// </summary>
public static class RawReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = 256 };

    /// <param name="path">A file path, or <c>-</c> for standard input.</param>
    /// <param name="recordsKey">For a JSON object: the (dotted) key holding the records; null finds the first array of objects.</param>
    public static async IAsyncEnumerable<RawItem> ReadAsync(
        string path,
        InputFormat format = InputFormat.Auto,
        string? recordsKey = null,
        Stream? stdin = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var name = path == "-" ? "<stdin>" : path;
        if (path != "-" && !File.Exists(path))
        {
            throw new InputException(Directory.Exists(path) ? $"{name}: is a directory, not a file" : $"{name}: file not found");
        }

        if (format == InputFormat.Auto && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            format = InputFormat.Csv;
        }

        var stream = path == "-" ? stdin ?? Console.OpenStandardInput() : OpenFile(path);
        await using var _ = stream;
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

        foreach (var item in ReadJsonDocument(name, firstLine + "\n" + await reader.ReadToEndAsync(cancellationToken), recordsKey))
        {
            yield return item;
        }
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
            return !IsContainer(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A whole JSON file on one line: an object that holds an array of objects and is no record itself.</summary>
    private static bool IsContainer(JsonElement root) =>
        FindArrayOfObjects(root) is not null
        && !FieldMap.UsualPaths("question").Any(path => path.Resolve(root).Value is not null);

    private static JsonProperty? FindArrayOfObjects(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array
                && property.Value.GetArrayLength() > 0
                && property.Value[0].ValueKind == JsonValueKind.Object)
            {
                return property;
            }
        }

        return null;
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
            return RawItem.Bad(location, "invalid UTF-8 (bytes that are no UTF-8 character); re-encode the file as UTF-8");
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
            return RawItem.Bad(location, $"malformed JSON: {e.Message}");
        }
    }

    private static IEnumerable<RawItem> ReadJsonDocument(string name, string text, string? recordsKey)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputException($"{name}: malformed JSON: {e.Message}");
        }

        using (document)
        {
            var (records, keyPath) = FindRecords(name, document.RootElement, recordsKey);
            if (records.ValueKind == JsonValueKind.Object)
            {
                yield return RawItem.Ok(name, records.Clone());
                yield break;
            }

            var index = 0;
            foreach (var element in records.EnumerateArray())
            {
                var location = $"{name}:{keyPath}[{index++}]";
                yield return element.ValueKind == JsonValueKind.Object
                    ? RawItem.Ok(location, element.Clone())
                    : RawItem.Bad(location, $"expected a JSON object, found {Describe(element.ValueKind)}");
            }
        }
    }

    private static (JsonElement Records, string KeyPath) FindRecords(string name, JsonElement root, string? recordsKey)
    {
        if (recordsKey is not null)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{name}: --records {recordsKey} needs a JSON object at the top, found {Describe(root.ValueKind)}");
            }

            var found = FieldPath.Parse(recordsKey).Resolve(root);
            if (found.Value is not { ValueKind: JsonValueKind.Array } array)
            {
                throw new InputException($"{name}: --records {recordsKey}: {found.Error ?? "not an array"}");
            }

            return (array, recordsKey);
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            return (root, "");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{name}: expected JSON records, found {Describe(root.ValueKind)}");
        }

        return FindArrayOfObjects(root) is { } records && IsContainer(root) ? (records.Value, records.Name) : (root, "");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
