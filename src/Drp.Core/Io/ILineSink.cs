namespace Drp.Core.Io;

/// <summary>Where output lines go: a JSON Lines file or stdout (<see cref="JsonlWriter"/>), or a Parquet file.</summary>
public interface ILineSink : IAsyncDisposable
{
    ValueTask WriteLineAsync(string line, CancellationToken cancellationToken = default);

    /// <summary>Writes what is left, and moves a file into place (until then it is under a temporary name).</summary>
    Task CommitAsync();
}
