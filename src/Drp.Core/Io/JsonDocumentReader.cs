using System.Text.Json;

namespace Drp.Core.Io;

/// <summary>
/// Reads the records of one JSON document (an array, or an object holding them under a key) one at a time from a
/// seekable stream: memory holds one record, not the document. A record that is not well-formed is reported and the
/// next one read; a document that breaks off (truncated, or no comma between records) ends with a record saying so.
/// </summary>
internal static class JsonDocumentReader
{
    /// <param name="recordsKey">The (dotted) path to the records; null: the root array, or the first array of
    /// objects of a root object that is no record itself (else the root object is the one record).</param>
    public static IEnumerable<RawItem> Read(string name, Stream stream, string? recordsKey)
    {
        var scanner = new JsonScanner(stream);
        var root = scanner.Peek();
        if (root < 0)
        {
            throw new InputException($"{name}: empty input, no records");
        }

        var rootOffset = scanner.Offset;
        var keyPath = recordsKey is null ? FindRecords(name, scanner, root) : Walk(name, scanner, root, recordsKey);
        if (keyPath is not null)
        {
            return ReadArray(name, scanner, keyPath);
        }

        scanner.Seek(rootOffset);
        var whole = scanner.Read();
        Expect(name, scanner, whole is not null);
        var record = Parse(name, whole!.Value, whole: true);
        if (scanner.Peek() >= 0)
        {
            throw new InputException($"{name}: malformed JSON: more text after the document ends at byte {scanner.Offset} (JSON Lines? say --input-format jsonl)");
        }

        return [record];
    }

    /// <summary>Whether a JSON object holds records (an array of objects) and is no record itself.</summary>
    public static bool HoldsRecords(byte[] json)
    {
        var scanner = new JsonScanner(new MemoryStream(json));
        return scanner.Peek() is '{' and var root && FindRecords("", scanner, root) is not null;
    }

    /// <summary>Leaves the scanner at the records' array and returns its path; null when the root object is the record.</summary>
    private static string? FindRecords(string name, JsonScanner scanner, int root)
    {
        if (root == '[')
        {
            return "";
        }

        if (root != '{')
        {
            throw new InputException($"{name}: expected JSON records, found {Describe(root)}");
        }

        // A first pass over the root object's fields: the first that holds an array of objects, and whether the
        // object has a question of its own (then it is one record).
        var (records, offset, hasQuestion) = ((string?)null, 0L, false);
        scanner.Take();
        while (NextField(name, scanner) is { } field)
        {
            hasQuestion |= FieldMap.UsualPaths("question").Any(path => path.Text == field);
            if (records is null && scanner.Peek() == '[')
            {
                var start = scanner.Offset;
                scanner.Take();
                if (scanner.Peek() == '{')
                {
                    (records, offset) = (field, start);
                }

                Expect(name, scanner, scanner.Skip(depth: 1));
            }
            else
            {
                Expect(name, scanner, scanner.Skip());
            }
        }

        if (records is null || hasQuestion)
        {
            return null;
        }

        scanner.Seek(offset);
        return records;
    }

    /// <summary>Follows <paramref name="recordsKey"/> from the root to an array, leaving the scanner at it.</summary>
    private static string Walk(string name, JsonScanner scanner, int root, string recordsKey)
    {
        if (root != '{')
        {
            throw new InputException($"{name}: --records {recordsKey} needs a JSON object at the top, found {Describe(root)}");
        }

        var path = FieldPath.Parse(recordsKey);
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var found = path.Segments[i] is string field ? FindField(name, scanner, field) : FindElement(name, scanner, (int)path.Segments[i]);
            if (!found)
            {
                throw new InputException($"{name}: --records {recordsKey}: {path.Missing(i)}");
            }
        }

        return scanner.Peek() == '[' ? recordsKey : throw new InputException($"{name}: --records {recordsKey}: not an array");
    }

    private static bool FindField(string name, JsonScanner scanner, string wanted)
    {
        if (scanner.Peek() != '{')
        {
            return false;
        }

        scanner.Take();
        while (NextField(name, scanner) is { } field)
        {
            if (field == wanted)
            {
                return true;
            }

            Expect(name, scanner, scanner.Skip());
        }

        return false;
    }

    private static bool FindElement(string name, JsonScanner scanner, int index)
    {
        if (scanner.Peek() != '[')
        {
            return false;
        }

        scanner.Take();
        for (var i = 0; scanner.Peek() is not (']' or -1); i++)
        {
            if (i == index)
            {
                return true;
            }

            Expect(name, scanner, scanner.Skip());
            if (scanner.Peek() == ',')
            {
                scanner.Take();
            }
        }

        return false;
    }

    /// <summary>Inside an object: the next field's name, the scanner left at its value; null at the object's end.</summary>
    private static string? NextField(string name, JsonScanner scanner)
    {
        if (scanner.Peek() == ',')
        {
            scanner.Take();
        }

        if (scanner.Peek() == '}')
        {
            scanner.Take();
            return null;
        }

        string? field = null;
        if (scanner.Peek() == '"' && scanner.Read() is { } key)
        {
            try
            {
                var reader = new Utf8JsonReader(key.Span);
                field = reader.Read() ? reader.GetString() : null;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
            }
        }

        if (field is null || scanner.Peek() != ':')
        {
            throw new InputException($"{name}: malformed JSON near byte {scanner.Offset}: expected a field name and ':'");
        }

        scanner.Take();
        return field;
    }

    private static void Expect(string name, JsonScanner scanner, bool passed)
    {
        if (!passed)
        {
            throw new InputException($"{name}: malformed JSON: the text ends at byte {scanner.Offset}, inside a value (truncated?)");
        }
    }

    private static IEnumerable<RawItem> ReadArray(string name, JsonScanner scanner, string keyPath)
    {
        scanner.Peek();
        scanner.Take();
        for (var index = 0; ; index++)
        {
            var location = $"{name}:{keyPath}[{index}]";
            var next = scanner.Peek();
            if (next == ']')
            {
                scanner.Take();
                if (keyPath.Length == 0 && scanner.Peek() >= 0)
                {
                    yield return RawItem.Bad(name, $"malformed JSON: more text after the records' closing ']' at byte {scanner.Offset}, not read");
                }

                yield break;
            }

            if (scanner.Read() is not { } record)
            {
                yield return RawItem.Bad(location, next < 0
                    ? "the file ends before the records' closing ']' (truncated JSON?); the records before it were read"
                    : "the file ends inside this record (truncated JSON?); the records before it were read");
                yield break;
            }

            yield return Parse(location, record, whole: false);
            var after = scanner.Peek();
            if (after == ',')
            {
                scanner.Take();
            }
            else if (after != ']')
            {
                yield return RawItem.Bad($"{name}:{keyPath}[{index + 1}]", after < 0
                    ? "the file ends before the records' closing ']' (truncated JSON?); the records before it were read"
                    : $"malformed JSON at byte {scanner.Offset}: expected ',' or ']' after a record, found '{(char)after}'; the records after it cannot be read");
                yield break;
            }
        }
    }

    /// <param name="whole">The record is the whole document: a malformed one is an input error, not a rejected record.</param>
    private static RawItem Parse(string location, ReadOnlyMemory<byte> record, bool whole)
    {
        if (!System.Text.Unicode.Utf8.IsValid(record.Span))
        {
            return whole ? throw new InputException($"{location}: {RawReader.InvalidUtf8}") : RawItem.Bad(location, RawReader.InvalidUtf8);
        }

        try
        {
            using var document = JsonDocument.Parse(record, RawReader.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? RawItem.Ok(location, document.RootElement.Clone())
                : RawItem.Bad(location, $"expected a JSON object, found {RawReader.Describe(document.RootElement.ValueKind)}");
        }
        catch (JsonException e) when (!whole)
        {
            return RawItem.Bad(location, $"malformed JSON: {JsonErrors.Words(e)}");
        }
        catch (JsonException e)
        {
            throw new InputException($"{location}: malformed JSON: {JsonErrors.Words(e)}");
        }
    }

    private static string Describe(int first) => first switch
    {
        '[' => RawReader.Describe(JsonValueKind.Array),
        '"' => RawReader.Describe(JsonValueKind.String),
        't' or 'f' => RawReader.Describe(JsonValueKind.True),
        'n' => RawReader.Describe(JsonValueKind.Null),
        '-' or (>= '0' and <= '9') => RawReader.Describe(JsonValueKind.Number),
        _ => $"'{(char)first}'",
    };
}
