using System.Text;

namespace Drp.Core.Io;

/// <summary>
/// Writes lines to a file or to stdout. A file is written under a temporary name and renamed into place by
/// <see cref="CommitAsync"/>, so it appears complete or not at all. Lines already in UTF-8 go to a file as they are.
/// </summary>
public sealed class JsonlWriter : IAsyncDisposable
{
    private readonly Stream? file;
    private readonly TextWriter? stdout;
    private readonly string? path;
    private readonly string? temporaryPath;
    private bool committed;

    private JsonlWriter(Stream? file, TextWriter? stdout, string? path, string? temporaryPath)
    {
        this.file = file;
        this.stdout = stdout;
        this.path = path;
        this.temporaryPath = temporaryPath;
    }

    /// <param name="path">A file path, or null or <c>-</c> for <paramref name="stdout"/>.</param>
    public static JsonlWriter Create(string? path, TextWriter stdout)
    {
        if (path is null or "-")
        {
            return new JsonlWriter(null, stdout, null, null);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        // Synchronous buffered writes: lines are small and many, and async file I/O costs more than it saves here.
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        return new JsonlWriter(stream, null, path, temporary);
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(line);
        Write("\n");
        return Task.CompletedTask;
    }

    /// <param name="utf8Line">A line in UTF-8, without its line end.</param>
    public Task WriteLineAsync(byte[] utf8Line, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (file is null)
        {
            stdout!.Write(Encoding.UTF8.GetString(utf8Line));
            stdout.Write('\n');
        }
        else
        {
            file.Write(utf8Line);
            file.WriteByte((byte)'\n');
        }

        return Task.CompletedTask;
    }

    public Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(text);
        return Task.CompletedTask;
    }

    private void Write(string text)
    {
        if (file is null)
        {
            stdout!.Write(text);
            return;
        }

        file.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Flushes, and moves a file into place.</summary>
    public async Task CommitAsync()
    {
        if (file is null)
        {
            await stdout!.FlushAsync();
        }
        else
        {
            await file.DisposeAsync();
            File.Move(temporaryPath!, path!, overwrite: true);
        }

        committed = true;
    }

    /// <summary>A file not committed is removed: an interrupted run leaves no half-written output.</summary>
    public async ValueTask DisposeAsync()
    {
        if (file is null)
        {
            await stdout!.FlushAsync();
            return;
        }

        if (!committed)
        {
            await file.DisposeAsync();
            File.Delete(temporaryPath!);
        }
    }
}
