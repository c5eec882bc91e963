using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;
using ParquetSharp;

namespace Drp.Core.Tests.Io;

/// <summary>
/// drp's Parquet reader on files written by Apache Arrow's writer (ParquetSharp, pyarrow's C++ library) with each
/// codec, both data page versions and each value encoding, in small pages (many per column chunk) and with texts
/// longer than the 64 KB a Snappy stream keeps: every row reads back as written.
/// </summary>
public sealed class ParquetEncodingTests
{
    private const int Rows = 300;

    public enum Encodings
    {
        Dictionary,
        Plain,
        Delta,
    }

    private static string? Text(int i) => i % 5 == 0 ? null : i % 37 == 1 ? string.Concat(Enumerable.Range(0, 50000).Select(k => $"{(k * 7919 + i) % 1000:D3}é ")) : $"value {i} \"quoted\"\n∑ {i % 4}";

    private static int N(int i) => i * 1_000_003 - 150_000_000;

    private static long? Big(int i) => i % 3 == 0 ? null : (long)i << (i % 40);

    private static double? Score(int i) => i % 4 == 0 ? null : i / 8.0 - 7;

    private static string[] Tags(int i) => [.. Enumerable.Range(0, i % 4).Select(k => $"t{k}-{i % 9}")];

    [Theory]
    [InlineData(Compression.Snappy, ParquetDataPageVersion.V1, Encodings.Dictionary)]
    [InlineData(Compression.Snappy, ParquetDataPageVersion.V2, Encodings.Plain)]
    [InlineData(Compression.Snappy, ParquetDataPageVersion.V1, Encodings.Delta)]
    [InlineData(Compression.Zstd, ParquetDataPageVersion.V2, Encodings.Delta)]
    [InlineData(Compression.Gzip, ParquetDataPageVersion.V1, Encodings.Plain)]
    [InlineData(Compression.Brotli, ParquetDataPageVersion.V2, Encodings.Dictionary)]
    [InlineData(Compression.Lz4, ParquetDataPageVersion.V1, Encodings.Plain)]
    [InlineData(Compression.Lz4Hadoop, ParquetDataPageVersion.V1, Encodings.Plain)]
    [InlineData(Compression.Uncompressed, ParquetDataPageVersion.V1, Encodings.Plain)]
    [InlineData(Compression.Uncompressed, ParquetDataPageVersion.V2, Encodings.Delta)]
    public async Task Every_row_reads_back_whatever_the_codec_page_version_and_encoding(Compression codec, ParquetDataPageVersion version, Encodings encodings)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("drp-parquet-encodings-").FullName, "rows.parquet");
        try
        {
            Write(path, codec, version, encodings);
            var read = new List<string>();
            await using (var file = File.OpenRead(path))
            {
                await foreach (var item in Drp.Core.Io.Parquet.ParquetRawReader.ReadAsync("rows.parquet", file, CancellationToken.None))
                {
                    read.Add(JsonSerializer.Serialize(item.Value));
                }
            }

            Assert.Equal(Rows, read.Count);
            for (var i = 0; i < Rows; i++)
            {
                var expected = new JsonObject { ["text"] = Text(i), ["n"] = N(i), ["big"] = Big(i), ["score"] = Score(i), ["tags"] = new JsonArray([.. Tags(i).Select(tag => JsonValue.Create(tag))]) };
                Assert.True(expected.ToJsonString() == read[i], $"row {i}: {expected.ToJsonString()[..Math.Min(200, expected.ToJsonString().Length)]} != {read[i][..Math.Min(200, read[i].Length)]}");
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static void Write(string path, Compression codec, ParquetDataPageVersion version, Encodings encodings)
    {
        var builder = new WriterPropertiesBuilder().Compression(codec).DataPageVersion(version).DataPagesize(4096).WriteBatchSize(16);
        if (encodings != Encodings.Dictionary)
        {
            builder.DisableDictionary();
        }

        if (encodings == Encodings.Delta)
        {
            builder.Encoding("n", ParquetSharp.Encoding.DeltaBinaryPacked).Encoding("big", ParquetSharp.Encoding.DeltaBinaryPacked)
                .Encoding("text", ParquetSharp.Encoding.DeltaByteArray).Encoding("tags.list.element", ParquetSharp.Encoding.DeltaLengthByteArray)
                .Encoding("score", ParquetSharp.Encoding.ByteStreamSplit);
        }

        using var properties = builder.Build();
        var columns = new Column[] { new Column<string>("text"), new Column<int>("n"), new Column<long?>("big"), new Column<double?>("score"), new Column<string[]>("tags") };
        using var writer = new ParquetFileWriter(path, columns, properties);
        foreach (var (start, count) in new[] { (0, 120), (120, 180) })
        {
            using var rowGroup = writer.AppendRowGroup();
            var rows = Enumerable.Range(start, count).ToArray();
            using (var text = rowGroup.NextColumn().LogicalWriter<string?>())
            {
                text.WriteBatch(rows.Select(Text).ToArray());
            }

            using (var n = rowGroup.NextColumn().LogicalWriter<int>())
            {
                n.WriteBatch(rows.Select(N).ToArray());
            }

            using (var big = rowGroup.NextColumn().LogicalWriter<long?>())
            {
                big.WriteBatch(rows.Select(Big).ToArray());
            }

            using (var score = rowGroup.NextColumn().LogicalWriter<double?>())
            {
                score.WriteBatch(rows.Select(Score).ToArray());
            }

            using var tags = rowGroup.NextColumn().LogicalWriter<string[]>();
            tags.WriteBatch(rows.Select(Tags).ToArray());
        }

        writer.Close();
    }
}
