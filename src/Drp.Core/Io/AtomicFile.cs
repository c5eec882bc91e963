using System.Text;

namespace Drp.Core.Io;

public static class AtomicFile
{
    /// <summary>
    /// The temporary name a streamed output is written under until it is renamed into place (its folder created):
    /// <c>.NAME.PID.tmp</c> beside it, which a run started again removes.
    /// </summary>
    public static string TemporaryPathFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
    }

    /// <summary>Writes a whole small file under a temporary name, then renames it into place.</summary>
    public static async Task WriteAllTextAsync(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
