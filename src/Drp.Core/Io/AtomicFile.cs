namespace Drp.Core.Io;

public static class AtomicFile
{
    /// <summary>Writes a whole small file under a temporary name, then renames it into place.</summary>
    public static async Task WriteAllTextAsync(string path, string content)
    {
        await using var writer = JsonlWriter.Create(path, TextWriter.Null);
        await writer.WriteAsync(content);
        await writer.CommitAsync();
    }
}
