using System.Buffers.Binary;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// The values of one page (or of a dictionary), decoded: integers and booleans as longs, floating point as doubles,
/// byte arrays (text, binary, fixed length, INT96) as slices of the page's bytes, not copied.
/// </summary>
internal sealed class ParquetPageValues
{
    private long[] integers = new long[256];
    private double[] reals = new double[256];
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private int[] indices = new int[256];
    private byte[] source = [];

    public int Count { get; private set; }

    public long Integer(int index) => integers[index];

    public double Real(int index) => reals[index];

    public ReadOnlySpan<byte> Bytes(int index) => source.AsSpan(starts[index], lengths[index]);

    /// <summary>Decodes <paramref name="count"/> values of <paramref name="leaf"/>'s type stored in
    /// <paramref name="page"/> from <paramref name="offset"/> on with <paramref name="encoding"/>.</summary>
    public void Decode(ParquetLeaf leaf, Encoding encoding, byte[] page, int offset, int end, int count, ParquetPageValues? dictionary)
    {
        Reserve(count);
        Count = count;
        source = page;
        var data = page.AsSpan(offset, end - offset);
        switch (encoding)
        {
            case Encoding.PLAIN:
                Plain(leaf, data, offset, count);
                break;
            case Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY:
                Lookup(dictionary ?? throw new InvalidDataException("a dictionary-encoded page comes without a dictionary page"), data, count);
                break;
            case Encoding.RLE when leaf.Type == PhysicalType.BOOLEAN:
                ParquetBits.ReadHybrid(data[Math.Min(4, data.Length)..], 1, indices.AsSpan(0, count));
                Widen(count);
                break;
            case Encoding.DELTA_BINARY_PACKED when leaf.Type is PhysicalType.INT32 or PhysicalType.INT64:
                var position = 0;
                Expect(ParquetBits.ReadDeltas(data, ref position, ref integers), count);
                Narrow(leaf, count);
                break;
            case Encoding.DELTA_LENGTH_BYTE_ARRAY when leaf.Type == PhysicalType.BYTE_ARRAY:
                LengthPrefixed(data, offset, count);
                break;
            case Encoding.DELTA_BYTE_ARRAY when leaf.Type is PhysicalType.BYTE_ARRAY or PhysicalType.FIXED_LEN_BYTE_ARRAY:
                PrefixShared(data, count);
                break;
            case Encoding.BYTE_STREAM_SPLIT:
                StreamSplit(leaf, data, count);
                break;
            default:
                throw new NotSupportedException($"column {leaf.Path}: values encoded {encoding} for type {leaf.Type} are not read");
        }
    }

    private void Plain(ParquetLeaf leaf, ReadOnlySpan<byte> data, int offset, int count)
    {
        var width = leaf.Type switch
        {
            PhysicalType.INT32 or PhysicalType.FLOAT => 4,
            PhysicalType.INT64 or PhysicalType.DOUBLE => 8,
            PhysicalType.INT96 => 12,
            PhysicalType.FIXED_LEN_BYTE_ARRAY => leaf.TypeLength,
            _ => 0,
        };
        if (leaf.Type == PhysicalType.BOOLEAN)
        {
            for (var i = 0; i < count; i++)
            {
                integers[i] = (long)ParquetBits.ReadBits(data, i, 1);
            }

            return;
        }

        if (leaf.Type == PhysicalType.BYTE_ARRAY)
        {
            var position = 0;
            for (var i = 0; i < count; i++)
            {
                var length = position + 4 <= data.Length ? BinaryPrimitives.ReadInt32LittleEndian(data[position..]) : -1;
                if (length < 0 || length > data.Length - position - 4)
                {
                    throw new InvalidDataException($"column {leaf.Path}: a text or binary value runs past its page");
                }

                (starts[i], lengths[i]) = (offset + position + 4, length);
                position += 4 + length;
            }

            return;
        }

        if ((long)width * count > data.Length)
        {
            throw new InvalidDataException($"column {leaf.Path}: a page holds fewer values than its levels say");
        }

        for (var i = 0; i < count; i++)
        {
            var value = data.Slice(i * width, width);
            switch (leaf.Type)
            {
                case PhysicalType.INT32:
                    integers[i] = BinaryPrimitives.ReadInt32LittleEndian(value);
                    break;
                case PhysicalType.INT64:
                    integers[i] = BinaryPrimitives.ReadInt64LittleEndian(value);
                    break;
                case PhysicalType.FLOAT:
                    reals[i] = BinaryPrimitives.ReadSingleLittleEndian(value);
                    break;
                case PhysicalType.DOUBLE:
                    reals[i] = BinaryPrimitives.ReadDoubleLittleEndian(value);
                    break;
                default:
                    (starts[i], lengths[i]) = (offset + i * width, width);
                    break;
            }
        }
    }

    /// <summary>Dictionary indices (a byte giving their bit width, then RLE/bit-packed runs) resolved to the dictionary's values.</summary>
    private void Lookup(ParquetPageValues dictionary, ReadOnlySpan<byte> data, int count)
    {
        if (count > 0)
        {
            ParquetBits.ReadHybrid(data[1..], data[0], indices.AsSpan(0, count));
        }

        source = dictionary.source;
        for (var i = 0; i < count; i++)
        {
            var index = indices[i];
            if ((uint)index >= (uint)dictionary.Count)
            {
                throw new InvalidDataException($"a page refers to dictionary entry {index} of {dictionary.Count}");
            }

            (integers[i], reals[i], starts[i], lengths[i]) = (dictionary.integers[index], dictionary.reals[index], dictionary.starts[index], dictionary.lengths[index]);
        }
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: the lengths delta-encoded, then the values one after another.</summary>
    private void LengthPrefixed(ReadOnlySpan<byte> data, int offset, int count)
    {
        var position = 0;
        Expect(ParquetBits.ReadDeltas(data, ref position, ref integers), count);
        for (var i = 0; i < count; i++)
        {
            if (integers[i] < 0 || integers[i] > data.Length - position)
            {
                throw new InvalidDataException("a text or binary value runs past its page");
            }

            (starts[i], lengths[i]) = (offset + position, (int)integers[i]);
            position += lengths[i];
        }
    }

    /// <summary>DELTA_BYTE_ARRAY: each value the first bytes of the one before (their count delta-encoded) and a suffix
    /// (DELTA_LENGTH_BYTE_ARRAY); the values are rebuilt in bytes of their own.</summary>
    private void PrefixShared(ReadOnlySpan<byte> data, int count)
    {
        var position = 0;
        Expect(ParquetBits.ReadDeltas(data, ref position, ref integers), count);
        var prefixes = integers.AsSpan(0, count).ToArray();
        LengthPrefixed(data[position..], 0, count);
        var suffixes = data[position..];
        var total = 0L;
        for (var i = 0; i < count; i++)
        {
            total += prefixes[i] + lengths[i];
        }

        var rebuilt = new byte[total];
        var end = 0;
        for (var i = 0; i < count; i++)
        {
            var shared = (int)prefixes[i];
            if (shared < 0 || (i == 0 ? shared > 0 : shared > lengths[i - 1]))
            {
                throw new InvalidDataException("a value shares more bytes with the one before than it has");
            }

            if (i > 0)
            {
                rebuilt.AsSpan(starts[i - 1], shared).CopyTo(rebuilt.AsSpan(end));
            }

            suffixes.Slice(starts[i], lengths[i]).CopyTo(rebuilt.AsSpan(end + shared));
            (starts[i], lengths[i]) = (end, shared + lengths[i]);
            end += lengths[i];
        }

        source = rebuilt;
    }

    /// <summary>BYTE_STREAM_SPLIT: byte k of every value, then byte k + 1 of every value.</summary>
    private void StreamSplit(ParquetLeaf leaf, ReadOnlySpan<byte> data, int count)
    {
        var width = leaf.Type switch
        {
            PhysicalType.INT32 or PhysicalType.FLOAT => 4,
            PhysicalType.INT64 or PhysicalType.DOUBLE => 8,
            _ => leaf.TypeLength,
        };
        if ((long)width * count > data.Length)
        {
            throw new InvalidDataException($"column {leaf.Path}: a page holds fewer values than its levels say");
        }

        var joined = new byte[width * count];
        for (var i = 0; i < count; i++)
        {
            for (var k = 0; k < width; k++)
            {
                joined[i * width + k] = data[k * count + i];
            }
        }

        Plain(leaf with { Type = leaf.Type == PhysicalType.BYTE_ARRAY ? PhysicalType.FIXED_LEN_BYTE_ARRAY : leaf.Type }, joined, 0, count);
        source = joined;
    }

    private void Widen(int count)
    {
        for (var i = 0; i < count; i++)
        {
            integers[i] = indices[i];
        }
    }

    /// <summary>INT32 values decoded as 64-bit deltas keep their 32 bits.</summary>
    private void Narrow(ParquetLeaf leaf, int count)
    {
        if (leaf.Type == PhysicalType.INT32)
        {
            for (var i = 0; i < count; i++)
            {
                integers[i] = (int)integers[i];
            }
        }
    }

    private static void Expect(int decoded, int count)
    {
        if (decoded < count)
        {
            throw new InvalidDataException($"a page holds {decoded} values where its levels say {count}");
        }
    }

    private void Reserve(int count)
    {
        if (starts.Length < count)
        {
            var size = Math.Max(count, starts.Length * 2);
            (reals, starts, lengths, indices) = (new double[size], new int[size], new int[size], new int[size]);
        }

        if (integers.Length < count)
        {
            integers = new long[starts.Length];
        }
    }
}
