using System.Text;

namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>One batch input file written in a round, and the file mapping its custom ids to response cache keys.</summary>
public sealed record BatchPart(string Name, string RequestsPath, string KeysPath, int Requests, long Bytes);

/// <summary>
/// Writes the requests of one round into batch input files of one model each, starting a new file before one
/// would pass the request or byte limit. A request asked for twice in a round (two records with the same content)
/// is written once. Beside each file, <c>NAME.keys</c> maps each custom id to its response cache key.
/// </summary>
public sealed class BatchInputWriter(string directory, int round, string model, BatchLimits limits) : IDisposable
{
    private readonly Lock gate = new();
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> customIds = new(StringComparer.Ordinal);
    private readonly List<BatchPart> parts = [];
    private StreamWriter? requests;
    private StreamWriter? keyLines;
    private int count;
    private long bytes;

    public string Model => model;

    /// <summary>Requests written so far.</summary>
    public int Written => keys.Count;

    /// <summary>Adds a request unless one with the same key is already written.</summary>
    public void Add(string customId, string key, ChatRequest request)
    {
        lock (gate)
        {
            if (!keys.Add(key))
            {
                return;
            }

            var id = customId;
            for (var n = 2; !customIds.Add(id); n++)
            {
                id = $"{customId}#{n}";
            }

            var line = BatchRequestLine.Format(id, model, request) + "\n";
            var size = Encoding.UTF8.GetByteCount(line);
            if (size > limits.MaxBytes)
            {
                throw new TeacherException(RejectReasonsLlm.TeacherError, $"the {request.Stage} request ({size} bytes) is larger than a whole batch file may be ({limits.MaxBytes} bytes)");
            }

            if (requests is null || count + 1 > limits.MaxRequests || bytes + size > limits.MaxBytes)
            {
                StartPart();
            }

            requests!.Write(line);
            keyLines!.Write($"{id}\t{key}\t{request.Stage}\n");
            count++;
            bytes += size;
        }
    }

    /// <summary>Closes the last file and returns every file written, in order.</summary>
    public IReadOnlyList<BatchPart> Finish()
    {
        lock (gate)
        {
            ClosePart();
            return parts;
        }
    }

    public void Dispose()
    {
        requests?.Dispose();
        keyLines?.Dispose();
    }

    private void StartPart()
    {
        ClosePart();
        Directory.CreateDirectory(directory);
        var name = $"round-{round}-part-{parts.Count + 1}";
        parts.Add(new BatchPart(name, Path.Combine(directory, name + ".jsonl"), Path.Combine(directory, name + ".keys"), 0, 0));
        requests = new StreamWriter(parts[^1].RequestsPath, append: false, new UTF8Encoding(false));
        keyLines = new StreamWriter(parts[^1].KeysPath, append: false, new UTF8Encoding(false));
        (count, bytes) = (0, 0);
    }

    private void ClosePart()
    {
        if (requests is null)
        {
            return;
        }

        requests.Flush();
        keyLines!.Flush();
        requests.Dispose();
        keyLines.Dispose();
        requests = keyLines = null;
        parts[^1] = parts[^1] with { Requests = count, Bytes = bytes };
    }
}
