using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Drp.Core.Io;

/// <summary>
/// A file of JSON lines that only grows, one line per event, flushed to disk as it is written. It survives a kill
/// at any byte: a torn last line is dropped when the file is read and cut off before the next line is written.
/// </summary>
public sealed class AppendLog(string path)
{
    private readonly Lock gate = new();

    public string Path => path;

    /// <summary>Every whole line written so far (a torn last line is left out).</summary>
    public IReadOnlyList<JsonObject> ReadAll()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var events = new List<JsonObject>();
        foreach (var line in WholeLines(File.ReadAllText(path, Encoding.UTF8)))
        {
            try
            {
                if (JsonNode.Parse(line) is JsonObject entry)
                {
                    events.Add(entry);
                }
            }
            catch (JsonException)
            {
                // Only a torn line can fail to parse: each line is written whole by Append.
            }
        }

        return events;
    }

    public void Append(JsonObject entry)
    {
        var bytes = Encoding.UTF8.GetBytes(entry.ToJsonString(DrpJson.Line) + "\n");
        lock (gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            file.SetLength(WholeLength(file));
            file.Seek(0, SeekOrigin.End);
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
    }

    private static IEnumerable<string> WholeLines(string text)
    {
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The length up to and including the last newline: what a torn last line leaves whole.</summary>
    private static long WholeLength(FileStream file)
    {
        var length = file.Length;
        var buffer = new byte[1];
        for (var at = length - 1; at >= 0; at--)
        {
            file.Seek(at, SeekOrigin.Begin);
            file.ReadExactly(buffer);
            if (buffer[0] == (byte)'\n')
            {
                return at + 1;
            }
        }

        return 0;
    }
}
