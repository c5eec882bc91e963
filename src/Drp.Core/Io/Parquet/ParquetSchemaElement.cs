using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

namespace Drp.Core.Io.Parquet;

/// <summary>The logical types drp tells apart (the footer's LogicalType union, by its member).</summary>
internal enum LogicalKind
{
    None,
    String,
    Map,
    List,
    Enum,
    Decimal,
    Date,
    Timestamp,
    Integer,
    Json,
    Uuid,
    Other,
}

/// <summary>
/// One element of a Parquet schema as the footer lists it (depth first, each group with its number of children):
/// read from its Thrift fields.
/// </summary>
internal sealed class ParquetSchemaElement
{
    public string Name { get; private set; } = "";

    /// <summary>The physical type of a leaf; null for a group.</summary>
    public PhysicalType? Type { get; private set; }

    public int TypeLength { get; private set; }

    public FieldRepetitionType? Repetition { get; private set; }

    public int Children { get; private set; }

    public ConvertedType? Converted { get; private set; }

    /// <summary>A decimal's scale (from the logical type, else the element's own field).</summary>
    public int Scale { get; private set; }

    public LogicalKind Logical { get; private set; }

    /// <summary>A timestamp's units per second.</summary>
    public long TimestampUnits { get; private set; }

    /// <summary>An integer logical type's sign.</summary>
    public bool Unsigned { get; private set; }

    public static ParquetSchemaElement Read(ref ThriftReader reader)
    {
        var element = new ParquetSchemaElement();
        reader.ReadStruct(element.ReadField);
        return element;
    }

    private bool ReadField(short field, byte type, ref ThriftReader reader)
    {
        switch (field)
        {
            case 1 when type == ThriftReader.I32:
                Type = (PhysicalType)reader.ReadInt();
                return true;
            case 2 when type == ThriftReader.I32:
                TypeLength = (int)reader.ReadInt();
                return true;
            case 3 when type == ThriftReader.I32:
                Repetition = (FieldRepetitionType)reader.ReadInt();
                return true;
            case 4 when type == ThriftReader.Binary:
                Name = reader.ReadString();
                return true;
            case 5 when type == ThriftReader.I32:
                Children = (int)reader.ReadInt();
                return true;
            case 6 when type == ThriftReader.I32:
                Converted = (ConvertedType)reader.ReadInt();
                return true;
            case 7 when type == ThriftReader.I32:
                Scale = (int)reader.ReadInt();
                return true;
            case 10 when type == ThriftReader.Struct:
                reader.ReadStruct(ReadLogicalType);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The LogicalType union: one member set, its own struct holding its parameters.</summary>
    private bool ReadLogicalType(short member, byte type, ref ThriftReader reader)
    {
        if (type != ThriftReader.Struct)
        {
            return false;
        }

        Logical = member switch
        {
            1 => LogicalKind.String,
            2 => LogicalKind.Map,
            3 => LogicalKind.List,
            4 => LogicalKind.Enum,
            5 => LogicalKind.Decimal,
            6 => LogicalKind.Date,
            8 => LogicalKind.Timestamp,
            10 => LogicalKind.Integer,
            12 => LogicalKind.Json,
            14 => LogicalKind.Uuid,
            _ => LogicalKind.Other,
        };
        reader.ReadStruct(Logical switch
        {
            LogicalKind.Decimal => ReadDecimal,
            LogicalKind.Timestamp => ReadTimestamp,
            LogicalKind.Integer => ReadInteger,
            _ => static (short _, byte _, ref ThriftReader _) => false,
        });
        return true;
    }

    private bool ReadDecimal(short field, byte type, ref ThriftReader reader)
    {
        if (field != 1 || type != ThriftReader.I32)
        {
            return false;
        }

        Scale = (int)reader.ReadInt();
        return true;
    }

    private bool ReadTimestamp(short field, byte type, ref ThriftReader reader)
    {
        if (field != 2 || type != ThriftReader.Struct)
        {
            return false;
        }

        // The TimeUnit union: MILLIS, MICROS or NANOS, each an empty struct.
        reader.ReadStruct((short unit, byte _, ref ThriftReader inner) =>
        {
            TimestampUnits = unit switch
            {
                1 => 1_000,
                2 => 1_000_000,
                _ => 1_000_000_000,
            };
            return false;
        });
        return true;
    }

    private bool ReadInteger(short field, byte type, ref ThriftReader reader)
    {
        if (field != 2 || type is not (ThriftReader.True or ThriftReader.False))
        {
            return false;
        }

        Unsigned = type == ThriftReader.False;
        return true;
    }
}
