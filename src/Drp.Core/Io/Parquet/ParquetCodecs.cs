using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Parquet.Meta;

namespace Drp.Core.Io.Parquet;

/// <summary>Decompresses a page with the codec its column chunk names (all the Parquet format's codecs but LZO), as a
/// stream read from the page's stored bytes, or whole into a buffer.</summary>
internal static class ParquetCodecs
{
    /// <summary>The page's bytes, decompressed as they are read.</summary>
    public static Stream Open(CompressionCodec codec, Stream stored, int size) => codec switch
    {
        CompressionCodec.UNCOMPRESSED => stored,
        CompressionCodec.SNAPPY => new ParquetSnappyStream(stored, size),
        CompressionCodec.GZIP => Gzip(stored),
        CompressionCodec.ZSTD => Zstd(stored),
        CompressionCodec.BROTLI => Brotli(stored),
        CompressionCodec.LZ4 or CompressionCodec.LZ4_RAW => Lz4(codec, stored, size),
        _ => throw new NotSupportedException($"pages compressed with {codec} are not read"),
    };

    // Each library's codec in a method of its own: its assembly loads only when a file uses it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Stream Gzip(Stream stored) => new GZipStream(stored, CompressionMode.Decompress);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Stream Zstd(Stream stored) => new ZstdSharp.DecompressionStream(stored);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Stream Brotli(Stream stored) => new BrotliStream(stored, CompressionMode.Decompress);

    /// <summary>Decompresses the whole page into the first <paramref name="size"/> bytes of <paramref name="page"/>.</summary>
    public static void ReadWhole(CompressionCodec codec, Stream stored, byte[] page, int size)
    {
        if (codec == CompressionCodec.SNAPPY)
        {
            ParquetSnappyStream.Decode(stored, page, size);
            return;
        }

        using var decompressed = Open(codec, stored, size);
        decompressed.ReadExactly(page, 0, size);
    }

    /// <summary>LZ4 blocks (no stream form): the raw block of LZ4_RAW, or the older LZ4 codec's blocks framed by their
    /// big-endian uncompressed and compressed sizes (Hadoop's framing; a page without it is one raw block).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MemoryStream Lz4(CompressionCodec codec, Stream stored, int size)
    {
        var input = new byte[stored.Length];
        stored.ReadExactly(input);
        var output = new byte[size];
        var written = codec == CompressionCodec.LZ4 && Framed(input, output) is var framed and >= 0 ? framed : K4os.Compression.LZ4.LZ4Codec.Decode(input, output);
        return written == size ? new MemoryStream(output, writable: false) : throw new InvalidDataException($"an {codec} page does not decompress to the size its header gives");
    }

    private static int Framed(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        while (input.Length >= 8)
        {
            var uncompressed = BinaryPrimitives.ReadInt32BigEndian(input);
            var compressed = BinaryPrimitives.ReadInt32BigEndian(input[4..]);
            if (compressed < 0 || uncompressed < 0 || compressed > input.Length - 8 || uncompressed > output.Length - written
                || K4os.Compression.LZ4.LZ4Codec.Decode(input.Slice(8, compressed), output.Slice(written, uncompressed)) != uncompressed)
            {
                return -1;
            }

            written += uncompressed;
            input = input[(8 + compressed)..];
        }

        return input.IsEmpty ? written : -1;
    }
}
