using ParquetSharp;
using ParquetSharp.Schema;

namespace Drp.Core.Io.Parquet;

/// <summary>The JSON shape a Parquet field is read as: a value, an object (struct) or an array (list, map, repeated field).</summary>
internal enum FieldShape
{
    Value,
    Struct,
    List,
}

/// <summary>How a leaf column's values are written in JSON.</summary>
internal enum LeafKind
{
    Text,
    Binary,
    Boolean,
    Integer,
    Unsigned,
    Real,
    Decimal,
    DecimalBytes,
    Date,
    Timestamp,
    Int96Timestamp,
    Uuid,
}

/// <summary>
/// A field of a Parquet schema as drp reads it, with the definition and repetition levels that say, row by row,
/// whether it is null, an empty list, or another element of a list (the Dremel encoding every Parquet writer uses).
/// Lists follow the Parquet format's rules, its older two-level forms included; a map is a list of
/// <c>{key, value}</c> objects.
/// </summary>
internal sealed class ParquetField
{
    private ParquetField(string name, FieldShape shape, bool optional, int definition)
    {
        (Name, Shape, Optional, Definition) = (name, shape, optional, definition);
    }

    public string Name { get; }

    public FieldShape Shape { get; }

    public bool Optional { get; }

    /// <summary>The definition level at which this field is present (not null).</summary>
    public int Definition { get; }

    public IReadOnlyList<ParquetField> Fields { get; private init; } = [];

    public ParquetField? Element { get; private init; }

    /// <summary>For a list: the definition level of its first element (below it, the list is empty) and the
    /// repetition level that marks a next element.</summary>
    public (int Definition, int Repetition) ElementLevels { get; private init; }

    public int FirstLeaf { get; private init; }

    public int LeafCount { get; private init; }

    public LeafKind Kind { get; private init; }

    /// <summary>For decimals: the scale; for timestamps: units per second; for unsigned integers: their bits.</summary>
    public long Unit { get; private init; }

    /// <summary>The top-level fields of a file's schema, their leaves numbered in column order.</summary>
    public static IReadOnlyList<ParquetField> Of(SchemaDescriptor schema)
    {
        var leaf = 0;
        return schema.GroupNode.Fields.Select(node => Build(node, 0, 0, ref leaf)).ToArray();
    }

    private static ParquetField Build(Node node, int definition, int repetition, ref int leaf)
    {
        return node.Repetition == Repetition.Repeated
            ? ListOf(node.Name, optional: false, definition, node, definition + 1, repetition + 1, ref leaf, bare: true)
            : Content(node, node.Repetition == Repetition.Optional, definition + (node.Repetition == Repetition.Optional ? 1 : 0), repetition, ref leaf);
    }

    /// <summary>A field read as it is (not as a repeated field), present at <paramref name="definition"/>.</summary>
    private static ParquetField Content(Node node, bool optional, int definition, int repetition, ref int leaf)
    {
        var first = leaf;
        if (node is PrimitiveNode primitive)
        {
            leaf++;
            var (kind, unit) = KindOf(primitive);
            return new ParquetField(node.Name, FieldShape.Value, optional, definition) { FirstLeaf = first, LeafCount = 1, Kind = kind, Unit = unit };
        }

        var group = (GroupNode)node;
        if (IsList(group) && group.FieldCount == 1 && group.Fields[0].Repetition == Repetition.Repeated)
        {
            return ListOf(node.Name, optional, definition, group.Fields[0], definition + 1, repetition + 1, ref leaf, bare: false);
        }

        var fields = new List<ParquetField>();
        foreach (var child in group.Fields)
        {
            fields.Add(Build(child, definition, repetition, ref leaf));
        }

        return new ParquetField(node.Name, FieldShape.Struct, optional, definition) { Fields = fields, FirstLeaf = first, LeafCount = leaf - first };
    }

    /// <summary>A list whose elements are the values of the repeated node <paramref name="repeated"/>.</summary>
    private static ParquetField ListOf(string name, bool optional, int definition, Node repeated, int elementDefinition, int elementRepetition, ref int leaf, bool bare)
    {
        var first = leaf;
        // The format's rules for the element: a repeated value, or a repeated group that is itself the element (several
        // fields, or the older names "array" and "<list>_tuple"), or else the repeated group's single field.
        var element = bare || repeated is PrimitiveNode || repeated is GroupNode { FieldCount: > 1 } || repeated.Name == "array" || repeated.Name == $"{name}_tuple"
            ? Content(repeated, optional: false, elementDefinition, elementRepetition, ref leaf)
            : Build(((GroupNode)repeated).Fields[0], elementDefinition, elementRepetition, ref leaf);
        return new ParquetField(name, FieldShape.List, optional, definition)
        {
            Element = element,
            ElementLevels = (elementDefinition, elementRepetition),
            FirstLeaf = first,
            LeafCount = leaf - first,
        };
    }

    private static bool IsList(GroupNode group) =>
        group.LogicalType.Type is LogicalTypeEnum.List or LogicalTypeEnum.Map
        || group.ConvertedType is ConvertedType.List or ConvertedType.Map or ConvertedType.MapKeyValue;

    private static (LeafKind Kind, long Unit) KindOf(PrimitiveNode node)
    {
        var logical = node.LogicalType;
        return (node.PhysicalType, logical) switch
        {
            (PhysicalType.Int32 or PhysicalType.Int64, DecimalLogicalType decimalType) => (LeafKind.Decimal, decimalType.Scale),
            (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, DecimalLogicalType decimalType) => (LeafKind.DecimalBytes, decimalType.Scale),
            (PhysicalType.ByteArray, StringLogicalType or EnumLogicalType or JsonLogicalType) => (LeafKind.Text, 0),
            (PhysicalType.ByteArray, _) when node.ConvertedType is ConvertedType.UTF8 or ConvertedType.Enum or ConvertedType.Json => (LeafKind.Text, 0),
            (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, UuidLogicalType) => (LeafKind.Uuid, 0),
            (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, _) => (LeafKind.Binary, 0),
            (PhysicalType.Boolean, _) => (LeafKind.Boolean, 0),
            (PhysicalType.Int32, DateLogicalType) => (LeafKind.Date, 0),
            (PhysicalType.Int64, TimestampLogicalType timestamp) => (LeafKind.Timestamp, UnitsPerSecond(timestamp.TimeUnit)),
            (PhysicalType.Int32, IntLogicalType { IsSigned: false }) => (LeafKind.Unsigned, 32),
            (PhysicalType.Int64, IntLogicalType { IsSigned: false }) => (LeafKind.Unsigned, 64),
            (PhysicalType.Int32 or PhysicalType.Int64, _) => (LeafKind.Integer, 0),
            (PhysicalType.Int96, _) => (LeafKind.Int96Timestamp, 0),
            (PhysicalType.Float or PhysicalType.Double, _) => (LeafKind.Real, 0),
            _ => (LeafKind.Binary, 0),
        };
    }

    private static long UnitsPerSecond(TimeUnit unit) => unit switch
    {
        TimeUnit.Millis => 1_000,
        TimeUnit.Micros => 1_000_000,
        _ => 1_000_000_000,
    };
}
