using System.Text;

namespace Drp.Core.Io;

/// <summary>
/// Writes lines to a file or to stdout. A file is written under a temporary name and renamed into place by
/// <see cref="CommitAsync"/>, so it appears complete or not at all.
/// </summary>
public sealed class JsonlWriter : IAsyncDisposable
{
    private readonly TextWriter writer;
    private readonly string? path;
    private readonly string? temporaryPath;
    private bool committed;

    private JsonlWriter(TextWriter writer, string? path, string? temporaryPath)
    {
        this.writer = writer;
        this.path = path;
        this.temporaryPath = temporaryPath;
    }

    /// <param name="path">A file path, or null or <c>-</c> for <paramref name="stdout"/>.</param>
    public static JsonlWriter Create(string? path, TextWriter stdout)
    {
        if (path is null or "-")
        {
            return new JsonlWriter(stdout, null, null);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        // Synchronous buffered writes: lines are small and many, and async file I/O costs more than it saves here.
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        return new JsonlWriter(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" }, path, temporary);
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        writer.Write(line);
        writer.Write('\n');
        return Task.CompletedTask;
    }

    public Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        writer.Write(text);
        return Task.CompletedTask;
    }

    /// <summary>Flushes, and moves a file into place.</summary>
    public async Task CommitAsync()
    {
        await writer.FlushAsync();
        if (temporaryPath is not null)
        {
            await writer.DisposeAsync();
            File.Move(temporaryPath, path!, overwrite: true);
        }

        committed = true;
    }

    /// <summary>A file not committed is removed: an interrupted run leaves no half-written output.</summary>
    public async ValueTask DisposeAsync()
    {
        if (temporaryPath is null)
        {
            await writer.FlushAsync();
            return;
        }

        if (!committed)
        {
            await writer.DisposeAsync();
            File.Delete(temporaryPath);
        }
    }
}
