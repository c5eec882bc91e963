namespace Drp.Core.Io.Parquet;

/// <summary>
/// The Parquet format's integer encodings: ULEB128 varints and zigzag, values bit-packed least significant bit first,
/// the RLE/bit-packed hybrid (levels, dictionary indices, booleans) and DELTA_BINARY_PACKED.
/// </summary>
internal static class ParquetBits
{
    public static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("a page ends inside a number");
            }

            var next = data[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a page holds a number longer than 64 bits");
    }

    public static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    /// <summary>The <paramref name="width"/>-bit value that starts at bit <paramref name="bit"/> (bits past the data read as 0).</summary>
    public static ulong ReadBits(ReadOnlySpan<byte> data, long bit, int width)
    {
        ulong value = 0;
        for (var done = 0; done < width;)
        {
            var index = bit >> 3;
            var offset = (int)(bit & 7);
            var take = Math.Min(8 - offset, width - done);
            var current = index < data.Length ? data[(int)index] : 0;
            value |= (ulong)((current >> offset) & ((1 << take) - 1)) << done;
            done += take;
            bit += take;
        }

        return value;
    }

    /// <summary>Fills <paramref name="target"/> from RLE/bit-packed hybrid runs of <paramref name="bitWidth"/>-bit values.</summary>
    public static void ReadHybrid(ReadOnlySpan<byte> data, int bitWidth, Span<int> target)
    {
        var position = 0;
        var count = 0;
        var valueBytes = (bitWidth + 7) / 8;
        while (count < target.Length)
        {
            var header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                var run = (int)Math.Min(header >> 1, (ulong)(target.Length - count));
                var value = (int)ReadBits(data[Math.Min(position, data.Length)..], 0, valueBytes * 8);
                target.Slice(count, run).Fill(value);
                count += run;
                position += valueBytes;
            }
            else
            {
                var values = (int)Math.Min((header >> 1) * 8, (ulong)(target.Length - count));
                var packed = data[Math.Min(position, data.Length)..];
                for (var i = 0; i < values; i++)
                {
                    target[count++] = (int)ReadBits(packed, (long)i * bitWidth, bitWidth);
                }

                position += (int)(header >> 1) * bitWidth;
            }

            if (position > data.Length && count < target.Length)
            {
                throw new InvalidDataException("levels or dictionary indices end before the page's last value");
            }
        }
    }

    /// <summary>Reads DELTA_BINARY_PACKED values from <paramref name="position"/> (left after the last miniblock read):
    /// their count, and the values in <paramref name="values"/> (grown when too small). Arithmetic wraps, as the format says.</summary>
    public static int ReadDeltas(ReadOnlySpan<byte> data, ref int position, ref long[] values)
    {
        var blockSize = (int)ReadVarint(data, ref position);
        var miniblocks = (int)ReadVarint(data, ref position);
        var total = (int)ReadVarint(data, ref position);
        var last = ZigZag(ReadVarint(data, ref position));
        if (miniblocks <= 0 || blockSize % miniblocks != 0 || total < 0)
        {
            throw new InvalidDataException("a delta-encoded block has a malformed header");
        }

        if (values.Length < total)
        {
            values = new long[Math.Max(total, values.Length * 2)];
        }

        var perMiniblock = blockSize / miniblocks;
        var count = 0;
        if (total > 0)
        {
            values[count++] = last;
        }

        while (count < total)
        {
            var minimum = ZigZag(ReadVarint(data, ref position));
            var widths = position + miniblocks <= data.Length ? data.Slice(position, miniblocks) : throw new InvalidDataException("a delta-encoded block is cut off");
            position += miniblocks;
            for (var miniblock = 0; miniblock < miniblocks && count < total; miniblock++)
            {
                var packed = data[Math.Min(position, data.Length)..];
                for (var i = 0; i < perMiniblock && count < total; i++)
                {
                    last = unchecked(last + minimum + (long)ReadBits(packed, (long)i * widths[miniblock], widths[miniblock]));
                    values[count++] = last;
                }

                position += perMiniblock * widths[miniblock] / 8;
            }
        }

        return total;
    }
}
