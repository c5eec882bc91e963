using System.Buffers;

namespace Drp.Core.Io;

/// <summary>
/// Walks the bytes of a JSON text from a stream without parsing it: finds where each value starts and ends (by
/// brackets, braces and strings), keeps only the value asked for, and skips the rest. Memory is the largest value
/// kept, not the text. It does not check that a value is well-formed JSON: whoever keeps one parses it.
/// </summary>
internal sealed class JsonScanner(Stream stream)
{
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\"u8);

    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int end;
    private long bufferOffset;
    private bool exhausted;

    /// <summary>Where the value being read starts in the stream (its bytes stay in the buffer); -1 when none is kept.</summary>
    private long keptFrom = -1;

    /// <summary>The offset in the stream of the next byte.</summary>
    public long Offset => bufferOffset + position;

    /// <summary>Skips white space (and a UTF-8 byte order mark at the start); the next byte, or -1 at the end.</summary>
    public int Peek()
    {
        if (Offset == 0)
        {
            SkipByteOrderMark();
        }

        while (true)
        {
            for (; position < end; position++)
            {
                if (buffer[position] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return buffer[position];
                }
            }

            if (!Fill())
            {
                return -1;
            }
        }
    }

    /// <summary>Moves past the next byte, which <see cref="Peek"/> returned.</summary>
    public void Take() => position++;

    /// <summary>The bytes of the next value, valid until the next call; null if the text ends inside it.</summary>
    public ReadOnlyMemory<byte>? Read()
    {
        if (Peek() < 0)
        {
            return null;
        }

        keptFrom = Offset;
        try
        {
            if (!Pass(depth: 0))
            {
                return null;
            }

            var start = (int)(keptFrom - bufferOffset);
            return buffer.AsMemory(start, position - start);
        }
        finally
        {
            keptFrom = -1;
        }
    }

    /// <summary>Moves past the next value (or, with <paramref name="depth"/> 1, the rest of an array or object already entered); false if the text ends first.</summary>
    public bool Skip(int depth = 0) => (depth > 0 || Peek() >= 0) && Pass(depth);

    /// <summary>Continues from <see cref="Offset"/> at another place of a seekable stream.</summary>
    public void Seek(long offset)
    {
        stream.Seek(offset, SeekOrigin.Begin);
        (bufferOffset, position, end, exhausted) = (offset, 0, 0, false);
    }

    private void SkipByteOrderMark()
    {
        while (end < 3 && Fill())
        {
        }

        if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            position = 3;
        }
    }

    /// <summary>Walks to the end of the value at <see cref="position"/>: a string, an array or object (to its close), or a literal.</summary>
    private bool Pass(int depth)
    {
        var inString = false;
        if (depth == 0 && buffer[position] is not ((byte)'"' or (byte)'{' or (byte)'['))
        {
            return PassLiteral();
        }

        while (true)
        {
            var rest = buffer.AsSpan(position, end - position);
            var at = inString ? rest.IndexOfAny(InString) : rest.IndexOfAny(Structure);
            if (at < 0)
            {
                position = end;
                if (!Fill())
                {
                    return false;
                }

                continue;
            }

            position += at;
            if (inString && buffer[position] == '\\')
            {
                if (position + 1 >= end && !Fill())
                {
                    return false;
                }

                position += 2;
                continue;
            }

            var b = buffer[position++];
            if (b == '"')
            {
                inString = !inString;
            }
            else
            {
                depth += b is (byte)'{' or (byte)'[' ? 1 : -1;
            }

            if (!inString && depth == 0)
            {
                return true;
            }
        }
    }

    private bool PassLiteral()
    {
        while (true)
        {
            for (; position < end; position++)
            {
                if (buffer[position] is (byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    return true;
                }
            }

            if (!Fill())
            {
                return true;
            }
        }
    }

    /// <summary>Reads more of the stream, keeping the value being read and the bytes from <see cref="position"/>; false at its end.</summary>
    private bool Fill()
    {
        if (exhausted)
        {
            return false;
        }

        var keep = keptFrom < 0 ? position : (int)(keptFrom - bufferOffset);
        if (keep > 0)
        {
            Buffer.BlockCopy(buffer, keep, buffer, 0, end - keep);
            (bufferOffset, position, end) = (bufferOffset + keep, position - keep, end - keep);
        }
        else if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        exhausted = read == 0;
        end += read;
        return read > 0;
    }
}
