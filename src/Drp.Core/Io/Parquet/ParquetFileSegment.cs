namespace Drp.Core.Io.Parquet;

/// <summary>A page's stored bytes as a stream: a stretch of the file read from its own position (several columns'
/// pages are read in turn from the one file), a file's without its stream's buffer.</summary>
internal sealed class ParquetFileSegment(Stream file, long start, long length) : Stream
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? handle = (file as FileStream)?.SafeFileHandle;
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - read);
        if (wanted == 0)
        {
            return 0;
        }

        int got;
        if (handle is not null)
        {
            got = RandomAccess.Read(handle, buffer[..wanted], start + read);
        }
        else
        {
            file.Position = start + read;
            got = file.Read(buffer[..wanted]);
        }

        read += got > 0 ? got : throw new EndOfStreamException("the file ends inside a page");
        return got;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
