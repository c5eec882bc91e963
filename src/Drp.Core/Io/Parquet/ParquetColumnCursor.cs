using System.Runtime.InteropServices;
using ParquetSharp;

namespace Drp.Core.Io.Parquet;

/// <summary>
/// Walks one leaf column of a row group a batch of entries at a time (memory holds a batch, not the row group): each
/// entry's definition and repetition level and, where it holds one, its value. Text and binary values are copied as
/// UTF-8 bytes (no strings made), the others widened to long or double.
/// </summary>
internal sealed class ParquetColumnCursor : IDisposable
{
    private const int Batch = 256;

    private readonly short[] definitions = new short[Batch];
    private readonly short[] repetitions = new short[Batch];
    private readonly long[] integers = new long[Batch];
    private readonly double[] reals = new double[Batch];
    private readonly int[] ends = new int[Batch];
    private byte[] bytes = new byte[1 << 16];
    private ColumnReader? reader;
    private Func<int>? readBatch;
    private int levels;
    private int position;
    private int valueIndex;

    /// <summary>Whether the row group has another entry in this column (reads the next batch when needed).</summary>
    public bool HasEntry => position < levels || Fill();

    public short Definition => HasEntry ? definitions[position] : throw new InvalidDataException("a column ends before its row group's last row");

    public short Repetition => repetitions[position];

    public long Integer => integers[Value];

    public double Real => reals[Value];

    public ReadOnlySpan<byte> Bytes => Value is var value and > 0 ? bytes.AsSpan(ends[value - 1], ends[value] - ends[value - 1]) : bytes.AsSpan(0, ends[0]);

    /// <summary>The index of the current entry's value, its batch read first if need be (a required column's value is
    /// read with no look at its definition level before).</summary>
    private int Value
    {
        get
        {
            _ = Definition;
            return valueIndex;
        }
    }

    /// <summary>Starts on the column chunk of <paramref name="column"/>, which this cursor then owns.</summary>
    public void Start(ColumnReader column)
    {
        reader?.Dispose();
        reader = column;
        (levels, position, valueIndex) = (0, 0, 0);
        var typeLength = column.ColumnDescriptor.TypeLength;
        readBatch = column switch
        {
            ColumnReader<ByteArray> text => Reader(text, (values, count) => CopyBytes(count, i => (values[i].Pointer, values[i].Length))),
            ColumnReader<FixedLenByteArray> fixedLength => Reader(fixedLength, (values, count) => CopyBytes(count, i => (values[i].Pointer, typeLength))),
            ColumnReader<Int96> timestamps => Reader(timestamps, CopyInt96),
            ColumnReader<bool> flags => Reader(flags, (values, count) => Copy(count, integers, i => values[i] ? 1 : 0)),
            ColumnReader<int> numbers => Reader(numbers, (values, count) => Copy(count, integers, i => values[i])),
            ColumnReader<long> numbers => Reader(numbers, (values, count) => Copy(count, integers, i => values[i])),
            ColumnReader<float> numbers => Reader(numbers, (values, count) => Copy(count, reals, i => values[i])),
            ColumnReader<double> numbers => Reader(numbers, (values, count) => Copy(count, reals, i => values[i])),
            _ => throw new NotSupportedException($"column {column.ColumnDescriptor.Path.ToDotString()}: physical type {column.Type} is not read"),
        };
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

    public void Dispose()
    {
        reader?.Dispose();
        reader = null;
    }

    private bool Fill()
    {
        (levels, position, valueIndex) = (0, 0, 0);
        if (reader is not { HasNext: true })
        {
            return false;
        }

        levels = readBatch!();
        return levels > 0;
    }

    /// <summary>Reads a batch of <paramref name="column"/>'s entries and hands its values to <paramref name="copy"/>
    /// (byte arrays point into the reader's pages, valid until its next batch).</summary>
    private Func<int> Reader<T>(ColumnReader<T> column, Action<T[], int> copy)
        where T : unmanaged
    {
        var values = new T[Batch];
        return () => Read(column, values, copy);
    }

    private int Read<T>(ColumnReader<T> column, T[] values, Action<T[], int> copy)
        where T : unmanaged
    {
        var read = (int)column.ReadBatch(Batch, definitions, repetitions, values, out var valuesRead);
        if (column.ColumnDescriptor.MaxDefinitionLevel == 0)
        {
            definitions.AsSpan(0, read).Clear();
        }

        if (column.ColumnDescriptor.MaxRepetitionLevel == 0)
        {
            repetitions.AsSpan(0, read).Clear();
        }

        copy(values, (int)valuesRead);
        return read;
    }

    private static void Copy<TTarget>(int count, TTarget[] target, Func<int, TTarget> value)
    {
        for (var i = 0; i < count; i++)
        {
            target[i] = value(i);
        }
    }

    private void CopyBytes(int count, Func<int, (IntPtr Pointer, int Length)> value)
    {
        var end = 0;
        for (var i = 0; i < count; i++)
        {
            var (pointer, length) = value(i);
            if (bytes.Length < end + length)
            {
                Array.Resize(ref bytes, Math.Max(end + length, bytes.Length * 2));
            }

            Marshal.Copy(pointer, bytes, end, length);
            ends[i] = end += length;
        }
    }

    private void CopyInt96(Int96[] values, int count)
    {
        for (var i = 0; i < count; i++)
        {
            MemoryMarshal.AsBytes(values.AsSpan(i, 1)).CopyTo(bytes.AsSpan(i * 12));
            ends[i] = (i + 1) * 12;
        }
    }
}
