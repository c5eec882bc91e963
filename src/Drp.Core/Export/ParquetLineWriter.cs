using System.Text.Json;
using Drp.Core.Io;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Drp.Core.Export;

/// <summary>
/// Training lines as a Parquet file with typed columns: a line's text fields become string columns, its lists of
/// turns (<c>messages</c>, <c>conversations</c>) lists of structs. The columns come from the format's shape, so an
/// empty export still has them. Written a row group at a time, under a temporary name renamed into place on commit.
/// </summary>
public sealed class ParquetLineWriter : ILineSink
{
    private const int RowGroupRows = 10_000;

    private readonly string path;
    private readonly string temporaryPath;
    private readonly FileStream file;
    private readonly ParquetSchema schema;
    private readonly List<IDictionary<string, object?>> rows = [];
    private bool written;
    private bool committed;

    private ParquetLineWriter(string path, string temporaryPath, ParquetSchema schema)
    {
        (this.path, this.temporaryPath, this.schema) = (path, temporaryPath, schema);
        file = new FileStream(temporaryPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20);
    }

    /// <param name="shape">A line of the format being written: its fields are the columns.</param>
    public static ParquetLineWriter Create(string path, string shape)
    {
        var temporary = AtomicFile.TemporaryPathFor(path);
        using var line = JsonDocument.Parse(shape);
        return new ParquetLineWriter(path, temporary, new ParquetSchema(line.RootElement.EnumerateObject().Select(Column).ToArray()));
    }

    public async ValueTask WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(line);
        rows.Add(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)Value(p.Value)));
        if (rows.Count == RowGroupRows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task CommitAsync()
    {
        if (rows.Count > 0 || !written)
        {
            await FlushAsync(CancellationToken.None);
        }

        await file.DisposeAsync();
        File.Move(temporaryPath, path, overwrite: true);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await file.DisposeAsync();
        if (!committed)
        {
            File.Delete(temporaryPath);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await ParquetSerializer.SerializeUntypedAsync(rows, schema, file, new ParquetOptions { Append = written }, cancellationToken: cancellationToken);
        written = true;
        rows.Clear();
    }

    private static Field Column(JsonProperty property) => property.Value.ValueKind == JsonValueKind.Array
        ? new ListField(property.Name, new StructField("element", property.Value[0].EnumerateObject().Select(f => new DataField<string>(f.Name)).ToArray()))
        : new DataField<string>(property.Name);

    private static object Value(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(turn => (IDictionary<string, object>)turn.EnumerateObject().ToDictionary(f => f.Name, f => (object)f.Value.GetString()!)).ToList()
        : value.GetString()!;
}
