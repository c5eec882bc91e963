using System.Text;

namespace Drp.Core.Io;

public static class AtomicFile
{
    /// <summary>Writes a whole small file under a temporary name, then renames it into place.</summary>
    public static async Task WriteAllTextAsync(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
