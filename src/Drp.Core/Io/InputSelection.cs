namespace Drp.Core.Io;

/// <summary>An input file and its dataset split (train, test…) when its name or folder says it.</summary>
public sealed record DataFile(string Path, string? Split);

/// <summary>
/// The files read for an input, and the splits of a folder or glob that are not read.
/// </summary>
/// <param name="Split">The split read from a folder or glob of several (or "all"); null when its files name none.</param>
public sealed record InputSelection(string Input, IReadOnlyList<DataFile> Files, IReadOnlyList<(string Split, int Files)> NotRead, string? Split)
{
    /// <summary>What was chosen, for a folder or glob (null for a file named alone): the files read, and the splits
    /// not read with how to read them.</summary>
    public string? Describe()
    {
        if (Files is [{ } only] && only.Path == Input)
        {
            return null;
        }

        var folder = Directory.Exists(Input) ? Input : System.IO.Path.GetDirectoryName(Input) ?? ".";
        var names = Files.Select(f => System.IO.Path.GetRelativePath(folder, f.Path)).ToList();
        var listed = string.Join(", ", names.Take(3)) + (names.Count > 3 ? $" … {names[^1]}" : "");
        var read = $"reading {Plural(Files.Count, "file")} of {Input}{(Split is null ? "" : $" (split {Split})")}: {listed}";
        return NotRead.Count == 0 ? read : $"{read}; not read: {Counted(NotRead)} (--split NAME, or --split all for every file)";
    }

    internal static string Counted(IEnumerable<(string Split, int Files)> splits) => string.Join(", ", splits.Select(s => $"{s.Split} ({Plural(s.Files, "file")})"));

    private static string Plural(int count, string word) => count == 1 ? $"1 {word}" : $"{count} {word}s";
}
