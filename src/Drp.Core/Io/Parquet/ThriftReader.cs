namespace Drp.Core.Io.Parquet;

/// <summary>
/// Reads the Thrift compact protocol (the encoding of Parquet's footer and page headers): a struct's fields are handed to a callback,
/// which reads the ones it knows and leaves the others to be skipped. Reading past the data throws
/// <see cref="IndexOutOfRangeException"/>.
/// </summary>
internal ref struct ThriftReader(ReadOnlySpan<byte> data)
{
    public const byte True = 1;
    public const byte False = 2;
    public const byte Byte = 3;
    public const byte I32 = 5;
    public const byte I64 = 6;
    public const byte Binary = 8;
    public const byte List = 9;
    public const byte Struct = 12;

    private readonly ReadOnlySpan<byte> data = data;

    public delegate bool FieldReader(short field, byte type, ref ThriftReader reader);

    public int Position { get; private set; }

    public void ReadStruct(FieldReader read)
    {
        short field = 0;
        while (ReadByte() is var header and not 0)
        {
            var type = (byte)(header & 0x0F);
            field = (header >> 4) is var delta and > 0 ? (short)(field + delta) : (short)ParquetBits.ZigZag(ReadVarint());
            if (!read(field, type, ref this))
            {
                Skip(type);
            }
        }
    }

    /// <summary>An i16, i32 or i64 (all zigzag varints in the compact protocol).</summary>
    public long ReadInt() => ParquetBits.ZigZag(ReadVarint());

    /// <summary>A single-byte integer (type <see cref="Byte"/>).</summary>
    public sbyte ReadSignedByte() => (sbyte)ReadByte();

    public string ReadString()
    {
        var length = (int)ReadVarint();
        var text = System.Text.Encoding.UTF8.GetString(data.Slice(Position, length));
        Position += length;
        return text;
    }

    /// <summary>A list's element count, after checking its elements are structs.</summary>
    public int ReadStructList()
    {
        var header = ReadByte();
        var count = (header >> 4) == 15 ? (int)ReadVarint() : header >> 4;
        return (header & 0x0F) == Struct ? count : throw new InvalidDataException($"a footer list holds Thrift type {header & 0x0F} where structs belong");
    }

    private byte ReadByte() => data[Position++];

    private ulong ReadVarint()
    {
        var position = Position;
        try
        {
            return ParquetBits.ReadVarint(data, ref position);
        }
        catch (InvalidDataException)
        {
            throw new IndexOutOfRangeException();
        }
        finally
        {
            Position = position;
        }
    }

    public void Skip(byte type)
    {
        switch (type)
        {
            case True or False:
                break;
            case Byte:
                Position++;
                break;
            case 4 or I32 or I64:
                ReadVarint();
                break;
            case 7:
                Position += 8;
                break;
            case Binary:
                var length = (int)ReadVarint();
                Position += length;
                break;
            case List or 10:
                var list = ReadByte();
                var count = (list >> 4) == 15 ? (int)ReadVarint() : list >> 4;
                for (var i = 0; i < count; i++)
                {
                    Skip(ElementType(list & 0x0F));
                }

                break;
            case 11:
                var entries = (int)ReadVarint();
                var types = entries > 0 ? ReadByte() : 0;
                for (var i = 0; i < entries; i++)
                {
                    Skip(ElementType(types >> 4));
                    Skip(ElementType(types & 0x0F));
                }

                break;
            case Struct:
                ReadStruct(static (short _, byte _, ref ThriftReader _) => false);
                break;
            default:
                throw new InvalidDataException($"a Parquet header holds an unknown Thrift type {type}");
        }

        if (Position > data.Length)
        {
            throw new IndexOutOfRangeException();
        }
    }

    /// <summary>In lists and maps a boolean is a byte of its own (type 1 there stands for both values).</summary>
    private static byte ElementType(int type) => type == True ? (byte)3 : (byte)type;
}
