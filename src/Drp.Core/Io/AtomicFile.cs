using System.Text;

namespace Drp.Core.Io;

public static class AtomicFile
{
    /// <summary>
    /// The temporary name a streamed output is written under until it is renamed into place (its folder created):
    /// <c>.NAME.PID.tmp</c> beside it, which a run started again removes.
    /// </summary>
    /// <exception cref="InputException">The path is a folder, or a folder on its way is a file.</exception>
    public static string TemporaryPathFor(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{path} is a folder: name a file to write in it");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CheckFolderPath(directory, path);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
    }

    /// <summary>That <paramref name="folder"/> can be a folder: none of the folders on its way is a file.</summary>
    /// <exception cref="InputException">One is a file; the message names it, and <paramref name="given"/> as the user gave it.</exception>
    public static void CheckFolderPath(string folder, string given)
    {
        for (var at = Path.GetFullPath(folder); at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                throw new InputException($"{given}: {at} is a file, not a folder");
            }
        }
    }

    /// <summary>Writes a whole small file under a temporary name, then renames it into place.</summary>
    public static async Task WriteAllTextAsync(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
