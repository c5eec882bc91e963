using Drp.Core.Io;

namespace Drp.Cli.Commands;

/// <summary>A run folder as users name it: the folder <c>drp run --out</c> wrote, or any file in it.</summary>
public static class RunFolderArgument
{
    /// <exception cref="InputException">Neither a run folder nor a file in one.</exception>
    public static string Resolve(string path)
    {
        var dir = File.Exists(path) ? Path.GetDirectoryName(path) is { Length: > 0 } parent ? parent : "." : path;
        if (!Directory.Exists(dir))
        {
            throw new InputException($"{path}: no such run folder");
        }

        return RunDirectory.Holds(dir)
            ? dir
            : throw new InputException($"{path} is not a run folder (no {RunDirectory.Manifest}, {RunDirectory.Validated} or {RunDirectory.Summary}): name the folder drp run --out wrote");
    }

    /// <summary>The records to export from <paramref name="input"/>: a run folder's validated.jsonl, any other input as it is.</summary>
    public static string ValidatedRecords(string input) =>
        Directory.Exists(input) && RunDirectory.Holds(input) ? Path.Combine(input, RunDirectory.Validated) : input;
}
