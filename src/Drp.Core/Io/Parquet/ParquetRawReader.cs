using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ParquetSharp;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Reads a Parquet file's rows as JSON objects, each column a batch of entries at a time (memory holds a batch and the
/// reader's buffers, whatever the row groups' size):
/// list columns become arrays and struct columns objects, so <c>--map</c> paths such as <c>generations[0]</c> or
/// <c>conversations[1].value</c> reach into them. Read with ParquetSharp (Apache Arrow's Parquet reader).
/// </summary>
public static class ParquetRawReader
{
    /// <summary>The reader reads through a buffer of this size, not a whole column chunk at a time.</summary>
    private const long ReadBuffer = 1 << 20;

    static ParquetRawReader() => ParquetNativeMemory.ReturnFreedPages();

    /// <summary>Rows are read ahead on another thread (a few hundred at most), while the pipeline maps the ones before.</summary>
    private const int ReadAhead = 256;

    public static async IAsyncEnumerable<RawItem> ReadAsync(string name, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<RawItem>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var item in Rows(name, stream))
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }
    }

    private static IEnumerable<RawItem> Rows(string name, Stream stream)
    {
        using var file = Open(name, stream);
        var groups = file.FileMetaData.NumRowGroups;
        var columns = Enumerable.Range(0, file.FileMetaData.NumColumns).Select(_ => new ParquetColumnCursor()).ToArray();
        var rows = new ParquetRowWriter(ParquetField.Of(file.FileMetaData.Schema), columns);
        var row = 0;
        try
        {
            for (var group = 0; group < groups; group++)
            {
                using var rowGroup = Try(name, group, groups, row, () => file.RowGroup(group));
                var count = Try(name, group, groups, row, () =>
                {
                    for (var column = 0; column < columns.Length; column++)
                    {
                        columns[column].Start(rowGroup.Column(column));
                    }

                    return rowGroup.MetaData.NumRows;
                });
                for (var i = 0; i < count; i++)
                {
                    var value = Try(name, group, groups, row, rows.Next);
                    row++;
                    yield return value is { } json ? RawItem.Ok($"{name}:row {row}", json) : RawItem.Bad($"{name}:row {row}", RawReader.InvalidUtf8);
                }

                EndGroup(columns);
            }
        }
        finally
        {
            EndGroup(columns);
        }
    }

    /// <summary>Lets go of the row group's column readers (before the row group itself).</summary>
    private static void EndGroup(ParquetColumnCursor[] columns)
    {
        foreach (var column in columns)
        {
            column.Dispose();
        }
    }

    private static ParquetFileReader Open(string name, Stream stream)
    {
        try
        {
            using var properties = ReaderProperties.GetDefaultReaderProperties();
            properties.EnableBufferedStream();
            properties.BufferSize = ReadBuffer;
            return new ParquetFileReader(stream, properties, leaveOpen: true);
        }
        catch (Exception e) when (e is ParquetException or IOException)
        {
            throw new InputException($"{name}: not a readable Parquet file (cut off or not Parquet?): {e.Message}");
        }
    }

    /// <summary>Reads from the file; a failure (a damaged page, a column cut short) names the row group and the rows read before it.</summary>
    private static T Try<T>(string name, int group, int groups, int rowsBefore, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ParquetException or IOException or InvalidDataException or NotSupportedException)
        {
            throw new InputException($"{name}: row group {group + 1} of {groups} cannot be read (after {rowsBefore} rows): {e.Message}");
        }
    }
}
