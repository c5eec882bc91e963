using Drp.Core.Io;

namespace Drp.Cli.Commands;

/// <summary>What <c>--out</c> may name: a new folder, or the folder of a run of the same input.</summary>
public static class RunFolder
{
    /// <exception cref="InputException">--out is a file, or holds a run of another input (and no --force).</exception>
    public static void Check(string dir, InputFile input, bool force)
    {
        if (File.Exists(dir))
        {
            throw new InputException($"--out {dir} is a file; --out names the folder the run writes into");
        }

        AtomicFile.CheckFolderPath(dir, $"--out {dir}");

        if (!force && RunManifest.Read(dir) is { } earlier && !earlier.Input.SameAs(input))
        {
            throw new InputException($"{dir} holds a run of another input ({earlier.Input.Path}); give another --out, or --force to replace that run");
        }
    }
}
