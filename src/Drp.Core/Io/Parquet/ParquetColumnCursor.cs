using System.Buffers.Binary;
using System.Numerics;
using Parquet.Meta;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Walks one leaf column of a row group a page at a time (memory holds a page, not the row group): each entry's
/// definition and repetition level and, where it holds one, its value. Pages are read from the file as the walk
/// reaches them, decompressed, and decoded (data pages of both versions, dictionaries, every value encoding).
/// </summary>
internal sealed class ParquetColumnCursor(ParquetLeaf leaf, ParquetReadBuffer buffer) : IDisposable
{
    /// <summary>A page header is read in a piece of this size first (more when its statistics are longer).</summary>
    private const int HeaderRead = 256;

    private readonly ParquetCodecs codecs = new();
    private readonly ParquetPageValues values = new();
    private readonly ParquetPageValues dictionary = new();
    private int[] definitions = [];
    private int[] repetitions = [];
    private byte[] page = [];
    private byte[] dictionaryPage = [];
    private Stream? file;
    private CompressionCodec codec;
    private bool hasDictionary;
    private long offset;
    private long end;
    private long valuesLeft;
    private int levels;
    private int position;
    private int valueIndex;

    /// <summary>Whether the row group has another entry in this column (reads the next page when needed).</summary>
    public bool HasEntry => position < levels || NextPage();

    public int Definition => HasEntry ? definitions[position] : throw new InvalidDataException($"column {leaf.Path} ends before its row group's last row");

    public int Repetition => repetitions[position];

    public long Integer => values.Integer(Value);

    public double Real => values.Real(Value);

    public ReadOnlySpan<byte> Bytes => values.Bytes(Value);

    /// <summary>The index of the current entry's value, its page read first if need be.</summary>
    private int Value
    {
        get
        {
            _ = Definition;
            return valueIndex;
        }
    }

    /// <summary>Starts on the column's chunk of a row group, read from <paramref name="stream"/>.</summary>
    public void Start(Stream stream, ParquetChunk chunk)
    {
        file = stream;
        codec = chunk.Codec;
        offset = chunk.Offset;
        end = chunk.Offset + chunk.Length;
        valuesLeft = chunk.Values;
        hasDictionary = false;
        (levels, position, valueIndex) = (0, 0, 0);
    }

    /// <summary>Moves past the current entry; <paramref name="valueDefinition"/> is the level at which it holds a value.</summary>
    public void Advance(int valueDefinition)
    {
        if (Definition == valueDefinition)
        {
            valueIndex++;
        }

        position++;
    }

    /// <summary>Moves past an entry that holds no value (a null, or an empty list).</summary>
    public void Skip()
    {
        _ = Definition;
        position++;
    }

    public void Dispose() => codecs.Dispose();

    private bool NextPage()
    {
        (levels, position, valueIndex) = (0, 0, 0);
        while (valuesLeft > 0 && offset < end)
        {
            var header = ReadHeader();
            switch (header.Type)
            {
                case PageType.DICTIONARY_PAGE:
                    ReadPage(header, ref dictionaryPage, levelBytes: 0);
                    dictionary.Decode(leaf, Encoding.PLAIN, dictionaryPage, 0, header.UncompressedSize, header.ValueCount, null);
                    hasDictionary = true;
                    break;
                case PageType.DATA_PAGE:
                    ReadPage(header, ref page, levelBytes: 0);
                    ReserveLevels(header.ValueCount);
                    var start = ReadPrefixedLevels(0, header.UncompressedSize, leaf.MaxRepetition, header.RepetitionEncoding, repetitions, header.ValueCount);
                    start = ReadPrefixedLevels(start, header.UncompressedSize, leaf.MaxDefinition, header.DefinitionEncoding, definitions, header.ValueCount);
                    Load(header, start);
                    return true;
                case PageType.DATA_PAGE_V2:
                    var levelBytes = header.RepetitionBytes + header.DefinitionBytes;
                    if (header.RepetitionBytes < 0 || header.DefinitionBytes < 0 || levelBytes > Math.Min(header.CompressedSize, header.UncompressedSize))
                    {
                        throw new InvalidDataException($"column {leaf.Path}: a page's levels run past the page");
                    }

                    ReadPage(header, ref page, levelBytes);
                    ReserveLevels(header.ValueCount);
                    ReadLevels(0, header.RepetitionBytes, leaf.MaxRepetition, repetitions, header.ValueCount);
                    ReadLevels(header.RepetitionBytes, header.DefinitionBytes, leaf.MaxDefinition, definitions, header.ValueCount);
                    Load(header, levelBytes);
                    return true;
                default:
                    offset += header.CompressedSize;
                    break;
            }
        }

        return false;
    }

    /// <summary>Reads the page after <paramref name="header"/> into <paramref name="target"/>, uncompressed: read straight
    /// in when stored so, else through the file's shared buffer (a version 2 page's levels, its first
    /// <paramref name="levelBytes"/> bytes, are never compressed).</summary>
    private void ReadPage(ParquetPageHeader header, ref byte[] target, int levelBytes)
    {
        var compressed = codec != CompressionCodec.UNCOMPRESSED && (header.Type != PageType.DATA_PAGE_V2 || header.ValuesCompressed);
        if (!compressed && header.CompressedSize != header.UncompressedSize)
        {
            throw new InvalidDataException($"column {leaf.Path}: an uncompressed page's sizes differ");
        }

        if (compressed)
        {
            ReadAt(ref buffer.Bytes, header.CompressedSize);
            Grow(ref target, header.UncompressedSize);
            buffer.Bytes.AsSpan(0, levelBytes).CopyTo(target);
            codecs.Decompress(codec, buffer.Bytes, levelBytes, header.CompressedSize - levelBytes, target.AsSpan(levelBytes, header.UncompressedSize - levelBytes));
        }
        else
        {
            ReadAt(ref target, header.CompressedSize);
        }

        offset += header.CompressedSize;
    }

    /// <summary>The page's level entries and, for those that hold one, its values.</summary>
    private void Load(ParquetPageHeader header, int start)
    {
        var count = header.ValueCount;
        var present = 0;
        foreach (var definition in definitions.AsSpan(0, count))
        {
            present += definition == leaf.MaxDefinition ? 1 : 0;
        }

        values.Decode(leaf, header.Encoding, page, start, header.UncompressedSize, present, hasDictionary ? dictionary : null);
        valuesLeft -= count;
        levels = count;
    }

    /// <summary>Version 1 levels (RLE runs after their 4-byte length) from <paramref name="start"/>; returns where they end.</summary>
    private int ReadPrefixedLevels(int start, int pageEnd, int maxLevel, Encoding encoding, int[] target, int count)
    {
        if (maxLevel == 0)
        {
            ReadLevels(start, 0, maxLevel, target, count);
            return start;
        }

        if (encoding != Encoding.RLE)
        {
            throw new NotSupportedException($"column {leaf.Path}: levels encoded {encoding} are not read");
        }

        var length = start + 4 <= pageEnd ? BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(start)) : -1;
        if (length < 0 || length > pageEnd - start - 4)
        {
            throw new InvalidDataException($"column {leaf.Path}: a page's levels run past the page");
        }

        ReadLevels(start + 4, length, maxLevel, target, count);
        return start + 4 + length;
    }

    /// <summary>Levels stored in <paramref name="length"/> bytes from <paramref name="start"/> (none when the highest level is 0).</summary>
    private void ReadLevels(int start, int length, int maxLevel, int[] target, int count)
    {
        if (maxLevel == 0)
        {
            target.AsSpan(0, count).Clear();
            return;
        }

        ParquetBits.ReadHybrid(page.AsSpan(start, length), 32 - BitOperations.LeadingZeroCount((uint)maxLevel), target.AsSpan(0, count));
    }

    private void ReserveLevels(int count)
    {
        if (definitions.Length < count)
        {
            (definitions, repetitions) = (new int[count], new int[count]);
        }
    }

    private ParquetPageHeader ReadHeader()
    {
        for (var size = HeaderRead; ; size *= 4)
        {
            var length = (int)Math.Min(size, end - offset);
            ReadAt(ref buffer.Bytes, length);
            if (ParquetPageHeader.Read(buffer.Bytes.AsSpan(0, length)) is var (header, headerLength))
            {
                offset += headerLength;
                return header.CompressedSize >= 0 && header.UncompressedSize >= 0 && header.ValueCount >= 0
                    ? header
                    : throw new InvalidDataException($"column {leaf.Path}: a page header gives a negative size");
            }

            if (length < size)
            {
                throw new InvalidDataException($"column {leaf.Path}: a page header runs past its column chunk");
            }
        }
    }

    private void ReadAt(ref byte[] target, int length)
    {
        Grow(ref target, length);
        file!.Position = offset;
        file.ReadExactly(target, 0, length);
    }

    private static void Grow(ref byte[] bytes, int length)
    {
        if (bytes.Length < length)
        {
            bytes = new byte[length + length / 8];
        }
    }
}

/// <summary>The bytes a file's columns read compressed pages and headers into, one at a time (shared: only the
/// decompressed page stays).</summary>
internal sealed class ParquetReadBuffer
{
    public byte[] Bytes = [];
}
