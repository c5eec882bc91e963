using System.Text.Json;
using System.Text.Json.Serialization;
using Drp.Core.Export;
using Parquet.Serialization;
using ParquetSharp;

namespace Drp.Core.Tests.Export;

/// <summary>
/// Training lines written as Parquet (ParquetSharp) and read back by another implementation (Parquet.Net): every line
/// the same, across the writer's batches and row groups; nothing left behind by a writer that is not committed.
/// </summary>
public sealed class ParquetLineWriterTests
{
    private const string Shape = """{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"source":"s"}""";

    private sealed class Line
    {
        [JsonPropertyName("messages")] public List<Turn> Messages { get; set; } = [];

        [JsonPropertyName("source")] public string Source { get; set; } = "";
    }

    private sealed class Turn
    {
        [JsonPropertyName("role")] public string Role { get; set; } = "";

        [JsonPropertyName("content")] public string Content { get; set; } = "";
    }

    private static Line LineAt(int i) => new()
    {
        Messages =
        [
            new Turn { Role = "system", Content = i % 3 == 0 ? "" : "Think step by step." },
            new Turn { Role = "user", Content = $"question {i}: \"quoted\" é ∑ 😀" },
            .. i % 5 == 0 ? Array.Empty<Turn>() : [new Turn { Role = "assistant", Content = $"<think>\nstep {i}\n</think>\n\nThe answer is {i}." }],
        ],
        Source = $"gsm8k/{i}",
    };

    [Fact]
    public async Task Every_line_reads_back_the_same_across_batches_and_row_groups()
    {
        using var dir = new TempDir();
        var path = dir.File("train.parquet");
        var lines = Enumerable.Range(0, 10_300).Select(LineAt).ToList();

        await using (var writer = ParquetLineWriter.Create(path, Shape))
        {
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(line));
            }

            await writer.CommitAsync();
        }

        await using var file = File.OpenRead(path);
        var read = (await ParquetSerializer.DeserializeUntypedAsync(file)).Data.Select(row => JsonSerializer.Serialize(row)).ToList();
        Assert.Equal(lines.Select(l => JsonSerializer.Serialize<Line>(l)), read);
        using var metadata = new ParquetFileReader(path);
        Assert.Equal(2, metadata.FileMetaData.NumRowGroups);
        using var rowGroup = metadata.RowGroup(0);
        Assert.Equal(10_000, rowGroup.MetaData.NumRows);
        Assert.Equal(Compression.Snappy, rowGroup.MetaData.GetColumnChunkMetaData(0).Compression);
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task An_empty_export_has_the_columns_and_no_rows()
    {
        using var dir = new TempDir();
        var path = dir.File("train.parquet");

        await using (var writer = ParquetLineWriter.Create(path, Shape))
        {
            await writer.CommitAsync();
        }

        using var reader = new ParquetFileReader(path);
        Assert.Equal(0, reader.FileMetaData.NumRows);
        Assert.Equal(["messages.list.element.role", "messages.list.element.content", "source"],
            Enumerable.Range(0, reader.FileMetaData.NumColumns).Select(c => reader.FileMetaData.Schema.Column(c).Path.ToDotString()));
    }

    [Fact]
    public async Task A_writer_not_committed_leaves_the_old_file_and_no_temporary_one()
    {
        using var dir = new TempDir();
        var path = dir.File("train.parquet");
        File.WriteAllText(path, "the earlier export");

        await using (var writer = ParquetLineWriter.Create(path, Shape))
        {
            foreach (var i in Enumerable.Range(0, 300))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(LineAt(i)));
            }
        }

        Assert.Equal("the earlier export", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }
}
