using System.Runtime.CompilerServices;
using Drp.Core.Model;

namespace Drp.Core.Io;

/// <summary>Reads an input file (or stdin) as a stream of <see cref="DrpRecord"/>s, bad ones included as rejects.</summary>
public static class RecordLoader
{
    /// <param name="onLoadReject">Called with each record rejected while reading this input (not with records an earlier run rejected).</param>
    public static async IAsyncEnumerable<DrpRecord> LoadAsync(
        string path,
        LoadOptions options,
        Stream? stdin = null,
        Action<DrpRecord>? onLoadReject = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = SourceName(path);
        await foreach (var item in RawReader.ReadAsync(path, options.Format, options.RecordsKey, stdin, cancellationToken))
        {
            var (record, mapped) = RecordMapper.Map(item, source, options);
            if (mapped && record.Rejected is not null)
            {
                onLoadReject?.Invoke(record);
            }

            yield return record;
        }
    }

    /// <summary>The file name without directory and extension(s) such as <c>.jsonl</c> or <c>.json</c>.</summary>
    public static string SourceName(string path)
    {
        if (path == "-")
        {
            return "stdin";
        }

        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".jsonl", ".ndjson", ".json", ".csv" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
