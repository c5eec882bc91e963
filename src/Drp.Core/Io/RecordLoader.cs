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
        await foreach (var read in RawReader.ReadAsync(path, options.Format, options.RecordsKey, stdin, options.Split, cancellationToken))
        foreach (var (item, itemOptions, index) in FannedOut(read, options))
        {
            var (record, mapped) = RecordMapper.Map(item, source, itemOptions);
            if (index is { } i)
            {
                record = Fanned(record, item, itemOptions, i);
            }

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

    /// <summary>
    /// A record for each element a <c>[*]</c> path takes (<c>--map trace=generations[*]</c>: one per generation), each
    /// mapped with the path at its index; or the record as it is (no index).
    /// </summary>
    private static IEnumerable<(RawItem Item, LoadOptions Options, int? Index)> FannedOut(RawItem item, LoadOptions options)
    {
        if (options.Map.Fanned is not { } fan || item.Value is not { } value)
        {
            yield return (item, options, null);
            yield break;
        }

        for (var i = 0; i < Math.Max(1, fan.Path.FanCount(value)); i++)
        {
            yield return (item with { Location = $"{item.Location} {fan.Path.At(i)}" }, options with { Map = options.Map.With(fan.Target, fan.Path.At(i)) }, i);
        }
    }

    /// <summary>A fanned-out record: its own id (#index), rejected where the dataset's own check marks it wrong.</summary>
    private static DrpRecord Fanned(DrpRecord record, RawItem item, LoadOptions options, int index)
    {
        record = record with { Id = $"{record.Id}#{index}" };
        var correct = (options.Map.Given("correct") is { } given ? [given] : FieldMap.UsualPaths("correct"))
            .Select(path => path.At(index))
            .FirstOrDefault(path => path.Resolve(item.Value!.Value).Value is not null);
        return record.Rejected is null && correct?.Resolve(item.Value!.Value).Value is { ValueKind: System.Text.Json.JsonValueKind.False }
            ? record with { Rejected = new Rejection(RecordMapper.LoadStage, RejectReasons.WrongAnswer, $"{item.Location}: the dataset marks this generation wrong ({correct} is false)") }
            : record;
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
