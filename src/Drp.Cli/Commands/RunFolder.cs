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

        if (!force && RunManifest.Read(dir) is { } earlier && !SameInput(earlier.Input, input))
        {
            throw new InputException($"{dir} holds a run of another input ({earlier.Input.Path}); give another --out, or --force to replace that run");
        }
    }

    private static bool SameInput(InputFile earlier, InputFile now) =>
        earlier.Sha256 is not null && now.Sha256 is not null
            ? earlier.Sha256 == now.Sha256
            : earlier.Path == now.Path;
}
