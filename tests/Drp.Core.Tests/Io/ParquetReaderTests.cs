using System.Text.Json;
using System.Text.Json.Serialization;
using Drp.Core.Io;
using Parquet.Serialization;

namespace Drp.Core.Tests.Io;

/// <summary>
/// drp's Parquet reader (ParquetSharp) on files another implementation wrote (Parquet.Net): every row read back as
/// the JSON of the object written, through nulls, empty lists, lists of structs and row groups of every size.
/// </summary>
public sealed class ParquetReaderTests
{
    private sealed class Row
    {
        [JsonPropertyName("id")] public string? Id { get; set; }

        [JsonPropertyName("n")] public int N { get; set; }

        [JsonPropertyName("big")] public long? Big { get; set; }

        [JsonPropertyName("score")] public double? Score { get; set; }

        [JsonPropertyName("ok")] public bool? Ok { get; set; }

        [JsonPropertyName("generations")] public List<string>? Generations { get; set; }

        [JsonPropertyName("flags")] public List<bool>? Flags { get; set; }

        [JsonPropertyName("messages")] public List<Turn>? Messages { get; set; }

        [JsonPropertyName("meta")] public Meta? Meta { get; set; }
    }

    private sealed class Turn
    {
        [JsonPropertyName("role")] public string? Role { get; set; }

        [JsonPropertyName("content")] public string? Content { get; set; }
    }

    private sealed class Meta
    {
        [JsonPropertyName("source")] public string? Source { get; set; }

        [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
    }

    private static Row RowAt(int i) => new()
    {
        Id = i % 7 == 3 ? null : $"r{i}",
        N = i,
        Big = i % 5 == 0 ? null : (long)i << 40,
        Score = i % 4 == 0 ? null : i / 8.0,
        Ok = i % 3 == 0 ? null : i % 2 == 0,
        Generations = (i % 6) switch { 0 => null, 1 => [], _ => [.. Enumerable.Range(0, i % 6).Select(k => $"gen {k} of {i}: \"quoted\"\n<think>line</think> é ∑ 😀\\")] },
        Flags = i % 5 == 1 ? [] : [.. Enumerable.Range(0, i % 3 + 1).Select(k => (i + k) % 2 == 0)],
        Messages = i % 9 == 4 ? null : [new Turn { Role = "user", Content = $"question {i}" }, .. i % 2 == 0 ? [new Turn { Role = "assistant", Content = i % 4 == 0 ? null : $"answer {i}" }] : Array.Empty<Turn>()],
        Meta = i % 8 == 7 ? null : new Meta { Source = i % 3 == 0 ? null : "hub", Tags = i % 2 == 0 ? [] : ["a", $"t{i}"] },
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 7)]
    [InlineData(600, 1000)]
    public async Task Every_row_reads_back_as_the_object_written(int rows, int rowGroupSize)
    {
        var written = Enumerable.Range(0, rows).Select(RowAt).ToList();
        using var file = new MemoryStream();
        for (var start = 0; start < rows; start += rowGroupSize)
        {
            await ParquetSerializer.SerializeAsync(written.Skip(start).Take(rowGroupSize), file, new Parquet.ParquetOptions { Append = start > 0 });
        }

        file.Position = 0;
        var read = new List<RawItem>();
        await foreach (var item in Drp.Core.Io.Parquet.ParquetRawReader.ReadAsync("rows.parquet", file, CancellationToken.None))
        {
            read.Add(item);
        }

        Assert.Equal(rows, read.Count);
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal($"rows.parquet:row {i + 1}", read[i].Location);
            Assert.True(JsonSerializer.Serialize(written[i]) == JsonSerializer.Serialize(read[i].Value), $"row {i}: {JsonSerializer.Serialize(written[i])} != {JsonSerializer.Serialize(read[i].Value)}");
        }
    }

    [Fact]
    public async Task A_file_cut_short_is_named_with_what_is_wrong()
    {
        using var file = new MemoryStream();
        await ParquetSerializer.SerializeAsync(Enumerable.Range(0, 20).Select(RowAt), file);
        using var cut = new MemoryStream(file.ToArray()[..(int)(file.Length / 2)]);

        var error = await Assert.ThrowsAsync<InputException>(async () =>
        {
            await foreach (var _ in Drp.Core.Io.Parquet.ParquetRawReader.ReadAsync("cut.parquet", cut, CancellationToken.None))
            {
            }
        });
        Assert.StartsWith("cut.parquet: not a readable Parquet file (cut off or not Parquet?)", error.Message);
    }
}
