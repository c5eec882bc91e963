using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Decompresses a raw Snappy block (the format of Parquet's SNAPPY pages) as its stored bytes are read, 64 KB at a
/// time: literals and back-references, as Snappy's format description gives them. Read as a stream, it keeps only the
/// last 64 KB it wrote (every Snappy writer refers back less far: they compress 64 KB at a time), so a text column's
/// page never sits whole in memory; <see cref="Decode"/> writes a whole page into a buffer instead.
/// </summary>
internal sealed class ParquetSnappyStream : Stream
{
    private const int History = 1 << 16;
    private const int LongestCopy = 64;

    private readonly Stream input;
    private readonly byte[] window;
    /// <summary>Whether the window holds the whole page (nothing is let go).</summary>
    private readonly bool keepsAll;
    private readonly bool pooled;
    private readonly byte[] stored = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int storedAt;
    private int storedEnd;
    private bool storedDone;
    private bool returned;
    private long expected = -1;
    private long produced;
    private long literalLeft;
    private int filled;
    private int readAt;

    /// <summary>Reads the block of a page of <paramref name="size"/> bytes from <paramref name="input"/> as a stream (its
    /// window, 256 KB or the page if smaller, and its read buffer come from the shared pool: a stream lasts a page).</summary>
    public ParquetSnappyStream(Stream input, int size)
        : this(input, ArrayPool<byte>.Shared.Rent(Math.Min(size, History * 4)), keepsAll: size <= History * 4)
    {
    }

    private ParquetSnappyStream(Stream input, byte[] window, bool keepsAll, bool pooled = true)
    {
        (this.input, this.window, this.keepsAll, this.pooled) = (input, window, keepsAll, pooled);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => produced - (filled - readAt);
        set => throw new NotSupportedException();
    }

    /// <summary>Decompresses the whole block read from <paramref name="input"/> into the first <paramref name="size"/>
    /// bytes of <paramref name="page"/>.</summary>
    public static void Decode(Stream input, byte[] page, int size)
    {
        using var snappy = new ParquetSnappyStream(input, page, keepsAll: true, pooled: false);
        if (snappy.Expected != size)
        {
            throw new InvalidDataException($"a Snappy page holds {snappy.Expected} bytes where its header says {size}");
        }

        snappy.Fill();
        if (snappy.produced != size)
        {
            throw new InvalidDataException($"a Snappy page decompresses to {snappy.produced} bytes where its header says {size}");
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (readAt == filled && !Fill())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, filled - readAt);
        window.AsSpan(readAt, count).CopyTo(buffer);
        readAt += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads the next <paramref name="count"/> bytes as a piece of the window, valid until the next read (no
    /// copy); false, having read nothing, when they are too many to fit in it.</summary>
    public bool TryRead(int count, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        if (!keepsAll && count > window.Length - History - LongestCopy)
        {
            return false;
        }

        while (filled - readAt < count)
        {
            if (!Fill())
            {
                throw new EndOfStreamException("a Snappy page ends inside a value");
            }
        }

        bytes = window.AsMemory(readAt, count);
        readAt += count;
        return true;
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !returned)
        {
            ArrayPool<byte>.Shared.Return(stored);
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(window);
            }

            returned = true;
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private long Expected => expected >= 0 ? expected : expected = (long)ReadVarint();

    /// <summary>Decompresses until the window is nearly full or the block ends; false when it had ended already.</summary>
    private bool Fill()
    {
        if (produced == Expected)
        {
            return false;
        }

        if (!keepsAll && filled > History)
        {
            // Only the last 64 KB can still be referred to, and the bytes not read yet are still wanted.
            var keep = Math.Min(readAt, filled - History);
            Buffer.BlockCopy(window, keep, window, 0, filled - keep);
            (filled, readAt) = (filled - keep, readAt - keep);
        }

        var start = filled;
        while (produced < expected && window.Length - filled >= Math.Min(LongestCopy, expected - produced))
        {
            if (literalLeft > 0)
            {
                CopyLiteral();
                continue;
            }

            if (storedEnd - storedAt < 5)
            {
                Want(5);
            }

            DecodeRun();
            if (produced == expected || storedAt == storedEnd || window.Length - filled < Math.Min(LongestCopy, expected - produced))
            {
                continue;
            }

            var tag = stored[storedAt++];
            if ((tag & 3) == 0)
            {
                var size = tag >> 2;
                if (size < 16 && storedEnd - storedAt >= 16 && window.Length - filled >= 16 && size < expected - produced)
                {
                    // A short literal, moved 16 bytes at once (the bytes past it are overwritten next).
                    Unsafe.WriteUnaligned(ref window[filled], Unsafe.ReadUnaligned<UInt128>(ref stored[storedAt]));
                    (storedAt, filled, produced) = (storedAt + size + 1, filled + size + 1, produced + size + 1);
                    continue;
                }

                if (size >= 60)
                {
                    size = (int)Little(size - 59);
                }

                literalLeft = (uint)size + 1L;
                continue;
            }

            var (length, offset) = (tag & 3) switch
            {
                1 => (4 + ((tag >> 2) & 7), ((tag >> 5) << 8) | (int)Little(1)),
                2 => (1 + (tag >> 2), (int)Little(2)),
                _ => (1 + (tag >> 2), (int)Little(4)),
            };
            if (offset <= 0 || offset > produced || length > expected - produced)
            {
                throw new InvalidDataException("a Snappy back-reference points outside its block");
            }

            if (offset > filled)
            {
                throw new InvalidDataException($"a Snappy back-reference reaches {offset} bytes back, past the 64 KB Snappy writers use");
            }

            CopyMatch(filled - offset, length);
            filled += length;
            produced += length;
        }

        return filled > start;
    }

    /// <summary>Decodes short literals and 1- and 2-byte-offset copies (most of a block) while the read bytes and the
    /// window leave room for any of them, with no checks but those; returns at anything else.</summary>
    private void DecodeRun()
    {
        var input = stored;
        ref var output = ref MemoryMarshal.GetArrayDataReference(window);
        var (at, written) = (storedAt, filled);
        var (inputEnd, outputEnd) = (storedEnd - 20, window.Length - 2 * LongestCopy);
        var left = expected - produced;
        while (at < inputEnd && written < outputEnd && left >= 2 * LongestCopy)
        {
            var tag = input[at];
            int length;
            int offset;
            switch (tag & 3)
            {
                case 0 when (tag >> 2) < 16:
                    length = (tag >> 2) + 1;
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, written), Unsafe.ReadUnaligned<UInt128>(ref input[at + 1]));
                    (at, written, left) = (at + 1 + length, written + length, left - length);
                    continue;
                case 1:
                    (length, offset) = (4 + ((tag >> 2) & 7), ((tag >> 5) << 8) | input[at + 1]);
                    at += 2;
                    break;
                case 2:
                    (length, offset) = (1 + (tag >> 2), input[at + 1] | (input[at + 2] << 8));
                    at += 3;
                    break;
                default:
                    goto done;
            }

            if (offset <= 0 || offset > written)
            {
                at -= (tag & 3) + 1;
                break;
            }

            if (offset >= 8)
            {
                for (var done = 0; done < length; done += 8)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, written + done), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref output, written - offset + done)));
                }
            }
            else
            {
                for (var i = 0; i < length; i++)
                {
                    Unsafe.Add(ref output, written + i) = Unsafe.Add(ref output, written - offset + i);
                }
            }

            (written, left) = (written + length, left - length);
        }

    done:
        produced += written - filled;
        (storedAt, filled) = (at, written);
    }

    private void CopyLiteral()
    {
        if (storedAt == storedEnd)
        {
            Want(1);
        }

        var count = (int)Math.Min(Math.Min(literalLeft, window.Length - filled), storedEnd - storedAt);
        if (count > expected - produced)
        {
            throw new InvalidDataException("a Snappy literal runs past its block");
        }

        stored.AsSpan(storedAt, count).CopyTo(window.AsSpan(filled));
        (storedAt, filled, produced, literalLeft) = (storedAt + count, filled + count, produced + count, literalLeft - count);
    }

    /// <summary>Copies a back-reference; where it overlaps the bytes it writes, it repeats them, as the format means.</summary>
    private void CopyMatch(int from, int size)
    {
        var distance = filled - from;
        if (distance >= 8 && window.Length - filled >= size + 8)
        {
            // 8 bytes at a time; the last move may write past the copy's end, into bytes the next ones overwrite.
            ref var start = ref MemoryMarshal.GetArrayDataReference(window);
            for (var done = 0; done < size; done += 8)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, filled + done), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, from + done)));
            }

            return;
        }

        for (var i = 0; i < size; i++)
        {
            window[filled + i] = window[from + i];
        }
    }

    /// <summary>Makes <paramref name="count"/> stored bytes available from storedAt (fewer where the block ends), reading
    /// the next piece of the block when needed.</summary>
    private void Want(int count)
    {
        if (storedEnd - storedAt < count && !storedDone)
        {
            Buffer.BlockCopy(stored, storedAt, stored, 0, storedEnd - storedAt);
            (storedEnd, storedAt) = (storedEnd - storedAt, 0);
            while (storedEnd < stored.Length && !storedDone)
            {
                var read = input.Read(stored.AsSpan(storedEnd));
                storedEnd += read;
                storedDone = read == 0;
            }
        }

        if (storedAt == storedEnd)
        {
            throw new InvalidDataException("a Snappy block is cut off");
        }
    }

    private uint Little(int bytes)
    {
        if (storedEnd - storedAt < bytes)
        {
            throw new InvalidDataException("a Snappy block is cut off");
        }

        var value = stored.AsSpan(storedAt, bytes);
        storedAt += bytes;
        return bytes switch
        {
            1 => value[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(value),
            3 => value[0] | ((uint)BinaryPrimitives.ReadUInt16LittleEndian(value[1..]) << 8),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(value),
        };
    }

    private ulong ReadVarint()
    {
        Want(10);
        var position = storedAt;
        var value = ParquetBits.ReadVarint(stored.AsSpan(0, storedEnd), ref position);
        storedAt = position;
        return value;
    }
}
