using System.Buffers.Binary;
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
        // The ids seen, as 128 bits of their hash: a few dozen bytes each whatever their length (two ids sharing a key
        // is out of reach), so memory barely grows with the input.
        var ids = new HashSet<UInt128>();
        var position = 0L;
        await foreach (var item in RawReader.ReadAsync(path, options.Format, options.RecordsKey, stdin, cancellationToken))
        {
            var (record, mapped) = RecordMapper.Map(item, source, options);
            if (mapped)
            {
                record = record with { Position = position };
            }

            position++;
            var idHash = IdHash.Of(record.Id);
            if (options.Shard is { } shard && !shard.Contains(idHash))
            {
                continue;
            }

            if (!options.AllowDuplicateIds && !ids.Add(BinaryPrimitives.ReadUInt128LittleEndian(idHash)) && record.Rejected is null)
            {
                // The id is the key of caches, joins and resumes: a second record under it would overwrite the first.
                record = record with { Rejected = new Rejection(RecordMapper.LoadStage, RejectReasons.DuplicateId, $"{item.Location}: id {record.Id} is already used by an earlier record") };
                mapped = true;
            }

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
        foreach (var extension in new[] { ".jsonl", ".ndjson", ".json", ".csv", ".parquet" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
