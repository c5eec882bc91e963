using System.Buffers.Binary;
using System.IO.Compression;
using Parquet.Meta;

namespace Drp.Core.Io.Parquet;

/// <summary>Decompresses a page with the codec its column chunk names (all the Parquet format's codecs but LZO).</summary>
internal sealed class ParquetCodecs : IDisposable
{
    private ZstdSharp.Decompressor? zstd;

    /// <summary>Decompresses <paramref name="length"/> bytes of <paramref name="source"/> from <paramref name="start"/> on
    /// into all of <paramref name="target"/> (the page's uncompressed size).</summary>
    public void Decompress(CompressionCodec codec, byte[] source, int start, int length, Span<byte> target)
    {
        var input = source.AsSpan(start, length);
        var written = codec switch
        {
            CompressionCodec.UNCOMPRESSED => Copy(input, target),
            CompressionCodec.SNAPPY => ParquetSnappy.Decompress(input, target),
            CompressionCodec.ZSTD => (zstd ??= new ZstdSharp.Decompressor()).Unwrap(input, target),
            CompressionCodec.GZIP => Inflate(source, start, length, target),
            CompressionCodec.BROTLI => BrotliDecoder.TryDecompress(input, target, out var brotli) ? brotli : -1,
            CompressionCodec.LZ4_RAW => K4os.Compression.LZ4.LZ4Codec.Decode(input, target),
            CompressionCodec.LZ4 => HadoopLz4(input, target),
            _ => throw new NotSupportedException($"pages compressed with {codec} are not read"),
        };
        if (written != target.Length)
        {
            throw new InvalidDataException($"a {codec} page does not decompress to the size its header gives");
        }
    }

    public void Dispose() => zstd?.Dispose();

    private static int Copy(ReadOnlySpan<byte> input, Span<byte> target)
    {
        input[..Math.Min(input.Length, target.Length)].CopyTo(target);
        return input.Length;
    }

    private static int Inflate(byte[] source, int start, int length, Span<byte> target)
    {
        using var gzip = new GZipStream(new MemoryStream(source, start, length), CompressionMode.Decompress);
        var written = gzip.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
        return written == target.Length && gzip.ReadByte() >= 0 ? -1 : written;
    }

    /// <summary>The older LZ4 codec: blocks framed by their big-endian uncompressed and compressed sizes (Hadoop's
    /// framing); a page without that framing is one raw block.</summary>
    private static int HadoopLz4(ReadOnlySpan<byte> input, Span<byte> target)
    {
        var written = 0;
        var rest = input;
        while (rest.Length >= 8)
        {
            var uncompressed = BinaryPrimitives.ReadInt32BigEndian(rest);
            var compressed = BinaryPrimitives.ReadInt32BigEndian(rest[4..]);
            if (compressed < 0 || uncompressed < 0 || compressed > rest.Length - 8 || uncompressed > target.Length - written
                || K4os.Compression.LZ4.LZ4Codec.Decode(rest.Slice(8, compressed), target.Slice(written, uncompressed)) != uncompressed)
            {
                return K4os.Compression.LZ4.LZ4Codec.Decode(input, target);
            }

            written += uncompressed;
            rest = rest[(8 + compressed)..];
        }

        return rest.IsEmpty ? written : K4os.Compression.LZ4.LZ4Codec.Decode(input, target);
    }
}
