using Drp.Core.Io;

namespace Drp.Cli.Commands;

/// <summary>What <c>--out</c> may name: a new folder, or the folder of a run of the same input.</summary>
public static class RunFolder
{
    /// <summary>Checks that the run may write into <paramref name="dir"/>; logs that it goes on from an earlier run there.</summary>
    /// <exception cref="InputException">--out is a file, or holds a run of another input (and no --force).</exception>
    public static void Check(string dir, InputFile input, bool force, Serilog.ILogger log)
    {
        if (File.Exists(dir))
        {
            throw new InputException($"--out {dir} is a file; --out names the folder the run writes into");
        }

        AtomicFile.CheckFolderPath(dir, $"--out {dir}");

        var earlier = RunManifest.Read(dir);
        if (!force && earlier is not null && !earlier.Input.SameAs(input))
        {
            throw new InputException($"{dir} holds a run of another input ({earlier.Input.Path}); give another --out, or --force to replace that run");
        }

        if (earlier is not null && earlier.Input.SameAs(input))
        {
            log.Information("{Dir} holds a run of this input: going on from it (the teacher's answers in its cache are not asked again)", dir);
        }
    }
}
