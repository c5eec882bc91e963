using Parquet.Meta;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// A page's header, read from the Thrift compact protocol bytes that precede every page of a column chunk: its type,
/// sizes, value count and encodings (statistics and other fields are skipped).
/// </summary>
internal sealed class ParquetPageHeader
{
    public PageType Type { get; private set; }

    public int UncompressedSize { get; private set; }

    public int CompressedSize { get; private set; }

    /// <summary>Level entries in a data page (nulls and empty lists included), values in a dictionary page.</summary>
    public int ValueCount { get; private set; }

    public Encoding Encoding { get; private set; }

    public Encoding DefinitionEncoding { get; private set; } = Encoding.RLE;

    public Encoding RepetitionEncoding { get; private set; } = Encoding.RLE;

    /// <summary>Version 2 data pages: the lengths of the (never compressed) levels, and whether the values are compressed.</summary>
    public int DefinitionBytes { get; private set; }

    public int RepetitionBytes { get; private set; }

    public bool ValuesCompressed { get; private set; } = true;

    /// <summary>The header at the start of <paramref name="data"/> and its length, or null when
    /// <paramref name="data"/> ends before the header does.</summary>
    public static (ParquetPageHeader Header, int Length)? Read(ReadOnlySpan<byte> data)
    {
        var reader = new ThriftReader(data);
        var header = new ParquetPageHeader();
        try
        {
            reader.ReadStruct(header.ReadPageField);
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }

        return (header, reader.Position);
    }

    private bool ReadPageField(short field, byte type, ref ThriftReader reader)
    {
        switch (field)
        {
            case 1 when type == ThriftReader.I32:
                Type = (PageType)reader.ReadInt();
                return true;
            case 2 when type == ThriftReader.I32:
                UncompressedSize = (int)reader.ReadInt();
                return true;
            case 3 when type == ThriftReader.I32:
                CompressedSize = (int)reader.ReadInt();
                return true;
            case 5 or 7 or 8 when type == ThriftReader.Struct:
                reader.ReadStruct(field switch
                {
                    5 => ReadDataPageField,
                    7 => ReadDictionaryPageField,
                    _ => ReadDataPageV2Field,
                });
                return true;
            default:
                return false;
        }
    }

    private bool ReadDataPageField(short field, byte type, ref ThriftReader reader)
    {
        if (type != ThriftReader.I32)
        {
            return false;
        }

        switch (field)
        {
            case 1:
                ValueCount = (int)reader.ReadInt();
                return true;
            case 2:
                Encoding = (Encoding)reader.ReadInt();
                return true;
            case 3:
                DefinitionEncoding = (Encoding)reader.ReadInt();
                return true;
            case 4:
                RepetitionEncoding = (Encoding)reader.ReadInt();
                return true;
            default:
                return false;
        }
    }

    private bool ReadDictionaryPageField(short field, byte type, ref ThriftReader reader)
    {
        if (type != ThriftReader.I32 || field is not (1 or 2))
        {
            return false;
        }

        if (field == 1)
        {
            ValueCount = (int)reader.ReadInt();
        }
        else
        {
            Encoding = (Encoding)reader.ReadInt();
        }

        return true;
    }

    private bool ReadDataPageV2Field(short field, byte type, ref ThriftReader reader)
    {
        switch (field)
        {
            case 7 when type is ThriftReader.True or ThriftReader.False:
                ValuesCompressed = type == ThriftReader.True;
                return true;
            case 1 when type == ThriftReader.I32:
                ValueCount = (int)reader.ReadInt();
                return true;
            case 4 when type == ThriftReader.I32:
                Encoding = (Encoding)reader.ReadInt();
                return true;
            case 5 when type == ThriftReader.I32:
                DefinitionBytes = (int)reader.ReadInt();
                return true;
            case 6 when type == ThriftReader.I32:
                RepetitionBytes = (int)reader.ReadInt();
                return true;
            default:
                return false;
        }
    }
}
