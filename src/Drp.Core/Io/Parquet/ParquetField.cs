using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

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

/// <summary>A leaf column as its pages store it: its physical type and the highest definition and repetition levels.</summary>
internal sealed record ParquetLeaf(string Path, PhysicalType Type, int TypeLength, int MaxDefinition, int MaxRepetition);

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

    /// <summary>The top-level fields of a file's schema (its flattened elements, as the footer holds them) and its
    /// leaf columns in column order.</summary>
    public static (IReadOnlyList<ParquetField> Fields, IReadOnlyList<ParquetLeaf> Leaves) Of(IReadOnlyList<ParquetSchemaElement> schema)
    {
        var next = 0;
        var root = SchemaNode.Read(schema, ref next);
        var leaves = new List<ParquetLeaf>();
        return (root.Children.Select(node => Build(node, 0, 0, leaves)).ToArray(), leaves);
    }

    private static ParquetField Build(SchemaNode node, int definition, int repetition, List<ParquetLeaf> leaves)
    {
        return node.Repetition == FieldRepetitionType.REPEATED
            ? ListOf(node.Name, optional: false, definition, node, definition + 1, repetition + 1, leaves, bare: true)
            : Content(node, node.Repetition == FieldRepetitionType.OPTIONAL, definition + (node.Repetition == FieldRepetitionType.OPTIONAL ? 1 : 0), repetition, leaves);
    }

    /// <summary>A field read as it is (not as a repeated field), present at <paramref name="definition"/>.</summary>
    private static ParquetField Content(SchemaNode node, bool optional, int definition, int repetition, List<ParquetLeaf> leaves)
    {
        var first = leaves.Count;
        if (node.Element.Type is { } type)
        {
            leaves.Add(new ParquetLeaf(node.Path, type, node.Element.TypeLength, definition, repetition));
            var (kind, unit) = KindOf(type, node.Element);
            return new ParquetField(node.Name, FieldShape.Value, optional, definition) { FirstLeaf = first, LeafCount = 1, Kind = kind, Unit = unit };
        }

        if (IsList(node.Element) && node.Children is [{ Repetition: FieldRepetitionType.REPEATED } repeated])
        {
            return ListOf(node.Name, optional, definition, repeated, definition + 1, repetition + 1, leaves, bare: false);
        }

        var fields = node.Children.Select(child => Build(child, definition, repetition, leaves)).ToArray();
        return new ParquetField(node.Name, FieldShape.Struct, optional, definition) { Fields = fields, FirstLeaf = first, LeafCount = leaves.Count - first };
    }

    /// <summary>A list whose elements are the values of the repeated node <paramref name="repeated"/>.</summary>
    private static ParquetField ListOf(string name, bool optional, int definition, SchemaNode repeated, int elementDefinition, int elementRepetition, List<ParquetLeaf> leaves, bool bare)
    {
        var first = leaves.Count;
        // The format's rules for the element: a repeated value, or a repeated group that is itself the element (several
        // fields, or the older names "array" and "<list>_tuple"), or else the repeated group's single field.
        var element = bare || repeated.Element.Type is not null || repeated.Children.Count > 1 || repeated.Name == "array" || repeated.Name == $"{name}_tuple"
            ? Content(repeated, optional: false, elementDefinition, elementRepetition, leaves)
            : Build(repeated.Children[0], elementDefinition, elementRepetition, leaves);
        return new ParquetField(name, FieldShape.List, optional, definition)
        {
            Element = element,
            ElementLevels = (elementDefinition, elementRepetition),
            FirstLeaf = first,
            LeafCount = leaves.Count - first,
        };
    }

    private static bool IsList(ParquetSchemaElement element) =>
        element.Logical is LogicalKind.List or LogicalKind.Map
        || element.Converted is ConvertedType.LIST or ConvertedType.MAP or ConvertedType.MAP_KEY_VALUE;

    private static (LeafKind Kind, long Unit) KindOf(PhysicalType type, ParquetSchemaElement element)
    {
        var (logical, converted) = (element.Logical, element.Converted);
        var isDecimal = logical == LogicalKind.Decimal || converted == ConvertedType.DECIMAL;
        return type switch
        {
            PhysicalType.INT32 or PhysicalType.INT64 when isDecimal => (LeafKind.Decimal, element.Scale),
            PhysicalType.BYTE_ARRAY or PhysicalType.FIXED_LEN_BYTE_ARRAY when isDecimal => (LeafKind.DecimalBytes, element.Scale),
            PhysicalType.BYTE_ARRAY when logical is LogicalKind.String or LogicalKind.Enum or LogicalKind.Json
                || converted is ConvertedType.UTF8 or ConvertedType.ENUM or ConvertedType.JSON => (LeafKind.Text, 0),
            PhysicalType.BYTE_ARRAY or PhysicalType.FIXED_LEN_BYTE_ARRAY when logical == LogicalKind.Uuid => (LeafKind.Uuid, 0),
            PhysicalType.BYTE_ARRAY or PhysicalType.FIXED_LEN_BYTE_ARRAY => (LeafKind.Binary, 0),
            PhysicalType.BOOLEAN => (LeafKind.Boolean, 0),
            PhysicalType.INT32 when logical == LogicalKind.Date || converted == ConvertedType.DATE => (LeafKind.Date, 0),
            PhysicalType.INT64 when logical == LogicalKind.Timestamp => (LeafKind.Timestamp, element.TimestampUnits),
            PhysicalType.INT64 when converted == ConvertedType.TIMESTAMP_MILLIS => (LeafKind.Timestamp, 1_000),
            PhysicalType.INT64 when converted == ConvertedType.TIMESTAMP_MICROS => (LeafKind.Timestamp, 1_000_000),
            PhysicalType.INT32 when logical == LogicalKind.Integer && element.Unsigned || converted == ConvertedType.UINT_32 => (LeafKind.Unsigned, 32),
            PhysicalType.INT64 when logical == LogicalKind.Integer && element.Unsigned || converted == ConvertedType.UINT_64 => (LeafKind.Unsigned, 64),
            PhysicalType.INT32 or PhysicalType.INT64 => (LeafKind.Integer, 0),
            PhysicalType.INT96 => (LeafKind.Int96Timestamp, 0),
            _ => (LeafKind.Real, 0),
        };
    }

    /// <summary>A schema element with its children (the footer lists them depth first, each group with its count).</summary>
    private sealed record SchemaNode(ParquetSchemaElement Element, string Path, IReadOnlyList<SchemaNode> Children)
    {
        public string Name => Element.Name;

        public FieldRepetitionType? Repetition => Element.Repetition;

        /// <summary>Reads the element at <paramref name="next"/> and its children; <paramref name="parent"/> is null for the root.</summary>
        public static SchemaNode Read(IReadOnlyList<ParquetSchemaElement> schema, ref int next, string? parent = null)
        {
            if (next >= schema.Count)
            {
                throw new InvalidDataException("the schema lists fewer fields than its groups count");
            }

            var element = schema[next++];
            var path = parent is null ? "" : parent.Length == 0 ? element.Name : $"{parent}.{element.Name}";
            var children = new SchemaNode[element.Type is null ? element.Children : 0];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = Read(schema, ref next, path);
            }

            return new SchemaNode(element, path, children);
        }
    }
}
