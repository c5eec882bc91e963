using System.Buffers.Binary;
using Parquet.Meta;

namespace Drp.Core.Io.Parquet;

/// <summary>Where a column chunk's pages are in the file, how many level entries they hold and how they are compressed.</summary>
internal readonly record struct ParquetChunk(long Offset, long Length, long Values, CompressionCodec Codec);

/// <summary>A row group: its row count and its column chunks, in column order.</summary>
internal sealed record ParquetRowGroup(long Rows, IReadOnlyList<ParquetChunk> Chunks);

/// <summary>
/// What drp reads of a Parquet file's footer (the Thrift FileMetaData after the last row group): the fields, the leaf
/// columns and where each row group's chunks are. Statistics and the rest are skipped.
/// </summary>
internal sealed record ParquetFooter(IReadOnlyList<ParquetField> Fields, IReadOnlyList<ParquetLeaf> Leaves, IReadOnlyList<ParquetRowGroup> RowGroups)
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>Reads the footer at the end of <paramref name="stream"/>: its length and the magic bytes come last.</summary>
    public static ParquetFooter Read(Stream stream)
    {
        Span<byte> tail = stackalloc byte[8];
        if (stream.Length < 12)
        {
            throw new InvalidDataException($"it is {stream.Length} bytes long, too short for a Parquet file");
        }

        stream.Position = stream.Length - 8;
        stream.ReadExactly(tail);
        if (!tail[4..].SequenceEqual(Magic))
        {
            throw new InvalidDataException(tail[4..].SequenceEqual("PARE"u8) ? "its footer is encrypted" : "it does not end with Parquet's magic bytes");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (length <= 0 || length > stream.Length - 12)
        {
            throw new InvalidDataException($"its footer length ({length} bytes) does not fit in the file");
        }

        var footer = new byte[length];
        stream.Position = stream.Length - 8 - length;
        stream.ReadExactly(footer);
        return Parse(footer);
    }

    private static ParquetFooter Parse(ReadOnlySpan<byte> footer)
    {
        var schema = new List<ParquetSchemaElement>();
        var groups = new List<(long Rows, List<ParquetChunk> Chunks)>();
        var reader = new ThriftReader(footer);
        try
        {
            reader.ReadStruct((short field, byte type, ref ThriftReader r) =>
            {
                switch (field)
                {
                    case 2 when type == ThriftReader.List:
                        for (var count = r.ReadStructList(); count > 0; count--)
                        {
                            schema.Add(ParquetSchemaElement.Read(ref r));
                        }

                        return true;
                    case 4 when type == ThriftReader.List:
                        for (var count = r.ReadStructList(); count > 0; count--)
                        {
                            groups.Add(ReadRowGroup(ref r));
                        }

                        return true;
                    default:
                        return false;
                }
            });
        }
        catch (IndexOutOfRangeException)
        {
            throw new InvalidDataException("its footer is cut off");
        }

        var (fields, leaves) = ParquetField.Of(schema);
        for (var group = 0; group < groups.Count; group++)
        {
            if (groups[group].Chunks.Count != leaves.Count)
            {
                throw new InvalidDataException($"row group {group + 1} has {groups[group].Chunks.Count} columns where the schema has {leaves.Count}");
            }
        }

        return new ParquetFooter(fields, leaves, groups.Select(group => new ParquetRowGroup(group.Rows, group.Chunks)).ToArray());
    }

    private static (long Rows, List<ParquetChunk> Chunks) ReadRowGroup(ref ThriftReader reader)
    {
        var rows = 0L;
        var chunks = new List<ParquetChunk>();
        reader.ReadStruct((short field, byte type, ref ThriftReader r) =>
        {
            switch (field)
            {
                case 1 when type == ThriftReader.List:
                    for (var count = r.ReadStructList(); count > 0; count--)
                    {
                        chunks.Add(ReadColumnChunk(ref r, chunks.Count));
                    }

                    return true;
                case 3 when type == ThriftReader.I64:
                    rows = r.ReadInt();
                    return true;
                default:
                    return false;
            }
        });
        return (rows, chunks);
    }

    /// <summary>A ColumnChunk: its ColumnMetaData's codec, value count, size and first page (a dictionary page, if any, comes first).</summary>
    private static ParquetChunk ReadColumnChunk(ref ThriftReader reader, int column)
    {
        var (codec, values, size, dataPage, dictionaryPage, hasMetadata, elsewhere) = (CompressionCodec.UNCOMPRESSED, 0L, 0L, 0L, 0L, false, false);
        reader.ReadStruct((short field, byte type, ref ThriftReader r) =>
        {
            if (field == 1 && type == ThriftReader.Binary)
            {
                elsewhere = r.ReadString().Length > 0;
                return true;
            }

            if (field != 3 || type != ThriftReader.Struct)
            {
                return false;
            }

            hasMetadata = true;
            r.ReadStruct((short member, byte memberType, ref ThriftReader m) =>
            {
                switch (member)
                {
                    case 4 when memberType == ThriftReader.I32:
                        codec = (CompressionCodec)m.ReadInt();
                        return true;
                    case 5 when memberType == ThriftReader.I64:
                        values = m.ReadInt();
                        return true;
                    case 7 when memberType == ThriftReader.I64:
                        size = m.ReadInt();
                        return true;
                    case 9 when memberType == ThriftReader.I64:
                        dataPage = m.ReadInt();
                        return true;
                    case 11 when memberType == ThriftReader.I64:
                        dictionaryPage = m.ReadInt();
                        return true;
                    default:
                        return false;
                }
            });
            return true;
        });
        if (elsewhere || !hasMetadata)
        {
            throw new NotSupportedException($"column {column + 1}'s data is " + (elsewhere ? "in another file" : "not described in the footer (an encrypted column?)"));
        }

        var first = dictionaryPage > 0 && dictionaryPage < dataPage ? dictionaryPage : dataPage;
        return new ParquetChunk(first, size, values, codec);
    }
}
