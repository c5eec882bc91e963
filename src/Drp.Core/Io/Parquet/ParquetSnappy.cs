using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Decompresses a raw Snappy block (the format of Parquet's SNAPPY pages) straight into the page's buffer: literals
/// and back-references, as Snappy's format description gives them. (A library decompressor held a scratch buffer of
/// twice the page's size from a shared pool.) Short copies move 8 bytes at a time where the output has room.
/// </summary>
internal static class ParquetSnappy
{
    /// <summary>Decompresses <paramref name="input"/> into <paramref name="output"/>; returns the bytes written.</summary>
    public static int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var position = 0;
        var length = ParquetBits.ReadVarint(input, ref position);
        if (length > (ulong)output.Length)
        {
            throw new InvalidDataException("a Snappy block is longer than its page");
        }

        var written = 0;
        while (position < input.Length)
        {
            var tag = input[position++];
            int size;
            if ((tag & 3) == 0)
            {
                size = tag >> 2;
                if (size >= 60)
                {
                    var bytes = size - 59;
                    size = (int)Little(input, position, bytes);
                    position += bytes;
                }

                size++;
                if (size <= 0 || size > input.Length - position || size > output.Length - written)
                {
                    throw new InvalidDataException("a Snappy literal runs past its block");
                }

                if (size <= 16 && input.Length - position >= 16 && output.Length - written >= 16)
                {
                    Unsafe.WriteUnaligned(ref output[written], Unsafe.ReadUnaligned<UInt128>(in input[position]));
                }
                else
                {
                    input.Slice(position, size).CopyTo(output[written..]);
                }

                position += size;
                written += size;
                continue;
            }

            int offset;
            (size, offset, position) = (tag & 3) switch
            {
                1 => (4 + ((tag >> 2) & 7), ((tag >> 5) << 8) | (int)Little(input, position, 1), position + 1),
                2 => (1 + (tag >> 2), (int)Little(input, position, 2), position + 2),
                _ => (1 + (tag >> 2), (int)Little(input, position, 4), position + 4),
            };
            if (offset <= 0 || offset > written || size > output.Length - written)
            {
                throw new InvalidDataException("a Snappy back-reference points outside its block");
            }

            Copy(output, written - offset, written, size);
            written += size;
        }

        return written;
    }

    /// <summary>Copies a back-reference; when it overlaps the bytes it writes, it repeats them, as the format means.</summary>
    private static void Copy(Span<byte> output, int from, int to, int size)
    {
        var distance = to - from;
        if (distance >= 8 && output.Length - to >= size + 8)
        {
            // 8 bytes at a time; the last move may write past the copy's end, into bytes the next ones overwrite.
            ref var start = ref MemoryMarshal.GetReference(output);
            for (var done = 0; done < size; done += 8)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, to + done), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, from + done)));
            }

            return;
        }

        if (distance >= size)
        {
            output.Slice(from, size).CopyTo(output[to..]);
            return;
        }

        for (var i = 0; i < size; i++)
        {
            output[to + i] = output[from + i];
        }
    }

    private static uint Little(ReadOnlySpan<byte> input, int position, int bytes)
    {
        if (position + bytes > input.Length)
        {
            throw new InvalidDataException("a Snappy block is cut off");
        }

        var value = input.Slice(position, bytes);
        return bytes switch
        {
            1 => value[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(value),
            3 => value[0] | ((uint)BinaryPrimitives.ReadUInt16LittleEndian(value[1..]) << 8),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(value),
        };
    }
}
