using System.Runtime.CompilerServices;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Stages;

public static class RecordStreams
{
    /// <summary>Writes every record that passes by to <paramref name="writer"/> as a JSONL line.</summary>
    public static async IAsyncEnumerable<DrpRecord> Tee(
        this IAsyncEnumerable<DrpRecord> records, JsonlWriter writer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(DrpJson.Serialize(record), cancellationToken);
            yield return record;
        }
    }

    /// <summary>Calls <paramref name="action"/> on every record that passes by.</summary>
    public static async IAsyncEnumerable<DrpRecord> Observe(
        this IAsyncEnumerable<DrpRecord> records, Action<DrpRecord> action, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            action(record);
            yield return record;
        }
    }
}
