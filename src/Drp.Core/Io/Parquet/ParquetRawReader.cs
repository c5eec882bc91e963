using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Reads a Parquet file's rows as JSON objects, a row at a time (memory holds a page's levels and a value of each
/// column, whatever the row groups' size): list columns become arrays and struct columns objects, so <c>--map</c> paths
/// such as <c>generations[0]</c> or <c>conversations[1].value</c> reach into them. drp reads the format itself: the
/// footer (<see cref="ParquetFooter"/>), then each column's pages (<see cref="ParquetColumnCursor"/>).
/// </summary>
public static class ParquetRawReader
{
    /// <summary>Rows are read ahead on another thread (a few dozen at most), while the pipeline maps the ones before.</summary>
    private const int ReadAhead = 32;

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
        var footer = Footer(name, stream);
        var columns = footer.Leaves.Select(leaf => new ParquetColumnCursor(leaf)).ToArray();
        var rows = new ParquetRowWriter(footer.Fields, columns);
        var groups = footer.RowGroups.Count;
        var row = 0;
        try
        {
            for (var group = 0; group < groups; group++)
            {
                var rowGroup = footer.RowGroups[group];
                for (var column = 0; column < columns.Length; column++)
                {
                    columns[column].Start(stream, rowGroup.Chunks[column]);
                }

                for (var i = 0; i < rowGroup.Rows; i++)
                {
                    var value = Try(name, group, groups, row, rows.Next);
                    row++;
                    yield return value is { } json ? RawItem.Ok($"{name}:row {row}", json) : RawItem.Bad($"{name}:row {row}", RawReader.InvalidUtf8);
                }
            }
        }
        finally
        {
            foreach (var column in columns)
            {
                column.Dispose();
            }
        }
    }

    private static ParquetFooter Footer(string name, Stream stream)
    {
        try
        {
            return ParquetFooter.Read(stream);
        }
        catch (Exception e) when (e is not OperationCanceledException)
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
        catch (Exception e) when (e is not (OperationCanceledException or InputException))
        {
            throw new InputException($"{name}: row group {group + 1} of {groups} cannot be read (after {rowsBefore} rows): {e.Message}");
        }
    }
}
