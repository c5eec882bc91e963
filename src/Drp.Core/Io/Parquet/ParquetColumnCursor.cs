using System.Buffers.Binary;
using System.Numerics;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Walks one leaf column of a row group a page at a time: each entry's definition and repetition level and, where it
/// holds one, its value. Pages are read from the file as the walk reaches them and decoded (data pages of both
/// versions, dictionaries, every value encoding). Text and binary stored plainly (how long traces are stored) is read
/// value by value as the walk goes, so memory holds a value, not its page; other pages are decoded whole.
/// </summary>
internal sealed class ParquetColumnCursor(ParquetLeaf leaf) : IDisposable
{
    /// <summary>A page header is read in a piece of this size first (more when its statistics are longer).</summary>
    private const int HeaderRead = 256;

    private readonly ParquetPageValues values = new();
    private readonly ParquetPageValues dictionary = new();
    private int[] definitions = [];
    private int[] repetitions = [];
    private byte[] header = [];
    private byte[] levelBytes = [];
    private byte[] page = [];
    private byte[] dictionaryPage = [];
    private byte[] value = [];
    private Stream? file;
    private CompressionCodec codec;
    private bool hasDictionary;
    private long offset;
    private long end;
    private long valuesLeft;
    private int levels;
    private int position;
    private int valueIndex;
    private Stream? streamed;
    private int streamedPageSize;
    private int streamedIndex;
    private ReadOnlyMemory<byte> streamedValue;

    /// <summary>Whether the row group has another entry in this column (reads the next page when needed).</summary>
    public bool HasEntry => position < levels || NextPage();

    public int Definition => HasEntry ? definitions[position] : throw new InvalidDataException($"column {leaf.Path} ends before its row group's last row");

    public int Repetition => repetitions[position];

    public long Integer => values.Integer(Value);

    public double Real => values.Real(Value);

    public ReadOnlySpan<byte> Bytes => streamed is null ? values.Bytes(Value) : StreamedValue(Value);

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
        EndPage();
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

    public void Dispose() => EndPage();

    private bool NextPage()
    {
        EndPage();
        (levels, position, valueIndex) = (0, 0, 0);
        while (valuesLeft > 0 && offset < end)
        {
            var pageHeader = ReadHeader();
            var body = offset;
            offset += pageHeader.CompressedSize;
            switch (pageHeader.Type)
            {
                case PageType.DICTIONARY_PAGE:
                    Grow(ref dictionaryPage, pageHeader.UncompressedSize);
                    ParquetCodecs.ReadWhole(codec, Stored(body, pageHeader.CompressedSize), dictionaryPage, pageHeader.UncompressedSize);
                    dictionary.Decode(leaf, Encoding.PLAIN, dictionaryPage, 0, pageHeader.UncompressedSize, pageHeader.ValueCount, null);
                    hasDictionary = true;
                    break;
                case PageType.DATA_PAGE or PageType.DATA_PAGE_V2:
                    if (definitions.Length < pageHeader.ValueCount)
                    {
                        (definitions, repetitions) = (new int[pageHeader.ValueCount], new int[pageHeader.ValueCount]);
                    }

                    if (pageHeader.Encoding == Encoding.PLAIN && leaf.Type == PhysicalType.BYTE_ARRAY)
                    {
                        StartStreamed(pageHeader, body);
                    }
                    else
                    {
                        LoadWhole(pageHeader, body);
                    }

                    valuesLeft -= pageHeader.ValueCount;
                    levels = pageHeader.ValueCount;
                    return true;
            }
        }

        return false;
    }

    /// <summary>Reads a data page whole: its levels, then all its values.</summary>
    private void LoadWhole(ParquetPageHeader pageHeader, long body)
    {
        var stored = Stored(body, pageHeader.CompressedSize);
        int start;
        int size;
        if (pageHeader.Type == PageType.DATA_PAGE)
        {
            size = pageHeader.UncompressedSize;
            Grow(ref page, size);
            ParquetCodecs.ReadWhole(codec, stored, page, size);
            start = ReadV1Levels(new MemoryStream(page, 0, size, writable: false), pageHeader);
        }
        else
        {
            start = 0;
            size = pageHeader.UncompressedSize - ReadV2Levels(stored, pageHeader);
            Grow(ref page, size);
            if (pageHeader.ValuesCompressed)
            {
                ParquetCodecs.ReadWhole(codec, stored, page, size);
            }
            else
            {
                stored.ReadExactly(page, 0, size);
            }
        }

        var present = 0;
        foreach (var definition in definitions.AsSpan(0, pageHeader.ValueCount))
        {
            present += definition == leaf.MaxDefinition ? 1 : 0;
        }

        values.Decode(leaf, pageHeader.Encoding, page, start, size, present, hasDictionary ? dictionary : null);
    }

    /// <summary>Reads a data page's levels and leaves its plain text or binary values to be read one by one.</summary>
    private void StartStreamed(ParquetPageHeader pageHeader, long body)
    {
        var stored = Stored(body, pageHeader.CompressedSize);
        if (pageHeader.Type == PageType.DATA_PAGE)
        {
            streamed = ParquetCodecs.Open(codec, stored, pageHeader.UncompressedSize);
            ReadV1Levels(streamed, pageHeader);
        }
        else
        {
            var valueBytes = pageHeader.UncompressedSize - ReadV2Levels(stored, pageHeader);
            streamed = pageHeader.ValuesCompressed ? ParquetCodecs.Open(codec, stored, valueBytes) : stored;
        }

        (streamedPageSize, streamedIndex) = (pageHeader.UncompressedSize, -1);
    }

    /// <summary>The value at <paramref name="index"/> of a page read value by value (values before it are read past).</summary>
    private ReadOnlySpan<byte> StreamedValue(int index)
    {
        try
        {
            while (streamedIndex < index)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(Next(4).Span);
                if (length < 0 || length > streamedPageSize)
                {
                    throw new InvalidDataException($"column {leaf.Path}: a value's length ({length}) runs past its page");
                }

                streamedValue = Next(length);
                streamedIndex++;
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"column {leaf.Path}: a page holds fewer values than its levels say");
        }

        return streamedValue.Span;
    }

    /// <summary>The page's next bytes: in the Snappy stream's window where they fit (no copy), else copied out.</summary>
    private ReadOnlyMemory<byte> Next(int count)
    {
        if (streamed is ParquetSnappyStream snappy && snappy.TryRead(count, out var bytes))
        {
            return bytes;
        }

        Grow(ref value, count);
        streamed!.ReadExactly(value, 0, count);
        return value.AsMemory(0, count);
    }

    private void EndPage()
    {
        streamed?.Dispose();
        streamed = null;
    }

    /// <summary>Version 1 levels, each kind as RLE runs after their 4-byte length; returns the page bytes they took.</summary>
    private int ReadV1Levels(Stream data, ParquetPageHeader pageHeader)
    {
        var read = 0;
        Span<byte> prefix = stackalloc byte[4];
        foreach (var (maxLevel, encoding, target) in new[] { (leaf.MaxRepetition, pageHeader.RepetitionEncoding, repetitions), (leaf.MaxDefinition, pageHeader.DefinitionEncoding, definitions) })
        {
            if (maxLevel == 0)
            {
                DecodeLevels([], 0, target, pageHeader.ValueCount);
                continue;
            }

            if (encoding != Encoding.RLE)
            {
                throw new NotSupportedException($"column {leaf.Path}: levels encoded {encoding} are not read");
            }

            data.ReadExactly(prefix);
            var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
            if (length < 0 || length > pageHeader.UncompressedSize - read - 4)
            {
                throw new InvalidDataException($"column {leaf.Path}: a page's levels run past the page");
            }

            Grow(ref levelBytes, length);
            data.ReadExactly(levelBytes, 0, length);
            DecodeLevels(levelBytes.AsSpan(0, length), maxLevel, target, pageHeader.ValueCount);
            read += 4 + length;
        }

        return read;
    }

    /// <summary>Version 2 levels: repetition then definition levels, never compressed, their lengths in the header;
    /// returns the page bytes they took.</summary>
    private int ReadV2Levels(Stream data, ParquetPageHeader pageHeader)
    {
        var total = pageHeader.RepetitionBytes + pageHeader.DefinitionBytes;
        if (pageHeader.RepetitionBytes < 0 || pageHeader.DefinitionBytes < 0 || total > Math.Min(pageHeader.CompressedSize, pageHeader.UncompressedSize))
        {
            throw new InvalidDataException($"column {leaf.Path}: a page's levels run past the page");
        }

        Grow(ref levelBytes, total);
        data.ReadExactly(levelBytes, 0, total);
        DecodeLevels(levelBytes.AsSpan(0, pageHeader.RepetitionBytes), leaf.MaxRepetition, repetitions, pageHeader.ValueCount);
        DecodeLevels(levelBytes.AsSpan(pageHeader.RepetitionBytes, pageHeader.DefinitionBytes), leaf.MaxDefinition, definitions, pageHeader.ValueCount);
        return total;
    }

    /// <summary>Levels as RLE/bit-packed runs (none stored when the highest level is 0).</summary>
    private static void DecodeLevels(ReadOnlySpan<byte> data, int maxLevel, int[] target, int count)
    {
        if (maxLevel == 0)
        {
            target.AsSpan(0, count).Clear();
            return;
        }

        ParquetBits.ReadHybrid(data, 32 - BitOperations.LeadingZeroCount((uint)maxLevel), target.AsSpan(0, count));
    }

    private ParquetPageHeader ReadHeader()
    {
        for (var size = HeaderRead; ; size *= 4)
        {
            var length = (int)Math.Min(size, end - offset);
            Grow(ref header, length);
            Stored(offset, length).ReadExactly(header, 0, length);
            if (ParquetPageHeader.Read(header.AsSpan(0, length)) is var (pageHeader, headerLength))
            {
                offset += headerLength;
                return pageHeader.CompressedSize >= 0 && pageHeader.UncompressedSize >= 0 && pageHeader.ValueCount >= 0
                    ? pageHeader
                    : throw new InvalidDataException($"column {leaf.Path}: a page header gives a negative size");
            }

            if (length < size)
            {
                throw new InvalidDataException($"column {leaf.Path}: a page header runs past its column chunk");
            }
        }
    }

    private ParquetFileSegment Stored(long body, int length) => new(file!, body, length);

    private static void Grow(ref byte[] bytes, int length)
    {
        if (bytes.Length < length)
        {
            bytes = new byte[length + length / 8];
        }
    }
}
