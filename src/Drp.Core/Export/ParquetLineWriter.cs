using System.Text.Json;
using Drp.Core.Io;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Drp.Core.Export;

/// <summary>
/// Training lines as a Parquet file with typed columns, written with ParquetSharp (Apache Arrow's writer): a line's
/// text fields become string columns, its lists of turns (<c>messages</c>, <c>conversations</c>) lists of structs.
/// The columns come from the format's shape, so an empty export still has them. Lines are handed to the writer a
/// batch at a time into a row group it buffers compressed (Snappy); a row group closes at <see cref="RowGroupRows"/>
/// lines or <see cref="RowGroupBytes"/> of text. Written under a temporary name renamed into place on commit.
/// </summary>
public sealed class ParquetLineWriter : ILineSink
{
    private const int RowGroupRows = 10_000;
    private const long RowGroupBytes = 64 << 20;
    private const int BatchRows = 256;

    private readonly string path;
    private readonly string temporaryPath;
    private readonly ParquetFileWriter file;
    private readonly LineColumn[] columns;
    private RowGroupWriter? rowGroup;
    private int rowGroupRows;
    private long rowGroupBytes;
    private int batchRows;
    private bool committed;

    private ParquetLineWriter(string path, string temporaryPath, LineColumn[] columns)
    {
        (this.path, this.temporaryPath, this.columns) = (path, temporaryPath, columns);
        using var schema = new GroupNode("schema", Repetition.Required, columns.Select(c => c.Node).ToArray());
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build();
        file = new ParquetFileWriter(temporaryPath, schema, properties);
    }

    /// <param name="shape">A line of the format being written: its fields are the columns.</param>
    public static ParquetLineWriter Create(string path, string shape)
    {
        using var line = JsonDocument.Parse(shape);
        var leaves = 0;
        var columns = line.RootElement.EnumerateObject().Select(field => LineColumn.For(field, ref leaves)).ToArray();
        return new ParquetLineWriter(path, AtomicFile.TemporaryPathFor(path), columns);
    }

    public ValueTask WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (var document = JsonDocument.Parse(line))
        {
            foreach (var column in columns)
            {
                rowGroupBytes += column.Add(document.RootElement.GetProperty(column.Name));
            }
        }

        if (++batchRows == BatchRows || rowGroupRows + batchRows == RowGroupRows)
        {
            WriteBatch();
        }

        return ValueTask.CompletedTask;
    }

    public Task CommitAsync()
    {
        WriteBatch();
        EndRowGroup();
        file.Close();
        file.Dispose();
        File.Move(temporaryPath, path, overwrite: true);
        committed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!committed)
        {
            rowGroup?.Dispose();
            file.Dispose();
            File.Delete(temporaryPath);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Hands the batch's lines to the row group, which closes when it is full.</summary>
    private void WriteBatch()
    {
        if (batchRows == 0)
        {
            return;
        }

        rowGroup ??= file.AppendBufferedRowGroup();
        foreach (var column in columns)
        {
            column.Write(rowGroup);
        }

        rowGroupRows += batchRows;
        batchRows = 0;
        if (rowGroupRows >= RowGroupRows || rowGroupBytes >= RowGroupBytes)
        {
            EndRowGroup();
        }
    }

    private void EndRowGroup()
    {
        rowGroup?.Close();
        rowGroup?.Dispose();
        (rowGroup, rowGroupRows, rowGroupBytes) = (null, 0, 0);
    }
}
