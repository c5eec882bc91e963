using System.Text.RegularExpressions;

namespace Drp.Core.Io;

/// <summary>
/// The files an input names: a file, stdin, a glob, or a folder as the Hub's downloads lay it out (the shards of
/// <c>data/train-0000N-of-0000M.parquet</c>, <c>default/train/*.parquet</c>, found in its subfolders too), read in name
/// order as one input. A folder's or glob's files are of one kind (with several, drp names them and asks which); of
/// its splits (by file or folder name: train, test, validation…) one is read, train unless another is asked for, or
/// every one with <c>all</c>, and what is not read is said (<see cref="InputSelection.Describe"/>). Hidden files and
/// the Hub's metadata (dataset_info.json, README.md) are not records.
/// </summary>
public static partial class InputFiles
{
    public const string DefaultSplit = "train";

    public const string AllSplits = "all";

    private static readonly string[] Readable = [".parquet", ".jsonl", ".ndjson", ".json", ".csv"];

    /// <summary>JSON files of a dataset folder that describe it rather than hold records.</summary>
    private static readonly HashSet<string> Metadata = new(StringComparer.OrdinalIgnoreCase) { "dataset_info.json", "dataset_infos.json", "dataset_dict.json", "state.json" };

    /// <summary>The files read for <paramref name="path"/>, each with its split when its name or folder says it.</summary>
    /// <param name="split">The split to read from a folder or glob that holds several (<see cref="AllSplits"/> for every
    /// one); a file named alone is read whatever its split.</param>
    /// <exception cref="InputException">Nothing there, a folder or glob without a readable file, with files of several
    /// kinds, or without the split asked for.</exception>
    public static InputSelection Of(string path, string split = DefaultSplit)
    {
        if (path == "-" || File.Exists(path))
        {
            return new InputSelection(path, [new DataFile(path, path == "-" ? null : SplitOf(Path.GetFileName(path)))], [], null);
        }

        var isFolder = Directory.Exists(path);
        var (folder, pattern) = isFolder ? (path, "*")
            : path.IndexOfAny(['*', '?']) >= 0 ? (Path.GetDirectoryName(path) is { Length: > 0 } dir ? dir : ".", Path.GetFileName(path))
            : throw new InputException($"{path}: file not found");
        if (!Directory.Exists(folder) || folder.IndexOfAny(['*', '?']) >= 0)
        {
            throw new InputException($"{path}: no such folder ({folder}); a glob may have * or ? in its file name only");
        }

        var files = (isFolder ? DataFiles(folder) : Directory.EnumerateFiles(folder, pattern))
            .Where(f => Readable.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(f => new DataFile(f, SplitOf(Path.GetRelativePath(folder, f))))
            .ToList();
        if (files.Count == 0)
        {
            throw new InputException($"{path}: no input file there (.parquet, .jsonl, .ndjson, .json or .csv)");
        }

        var kinds = files.GroupBy(f => Readable.First(e => f.Path.EndsWith(e, StringComparison.OrdinalIgnoreCase))).OrderByDescending(k => k.Count()).ToList();
        if (kinds.Count > 1)
        {
            throw new InputException($"{path} holds files of several kinds ({string.Join(", ", kinds.Select(k => $"{k.Count()} {k.Key}"))}): "
                + $"name the ones to read with a glob ({Path.Combine(folder, "*" + kinds[0].Key)}) or one file");
        }

        var splits = files.GroupBy(f => f.Split ?? "(no split)").Select(g => (Split: g.Key, Files: g.Count())).ToList();
        if (files.All(f => f.Split is null) || split.Equals(AllSplits, StringComparison.OrdinalIgnoreCase))
        {
            return new InputSelection(path, files, [], files.Any(f => f.Split is not null) ? AllSplits : null);
        }

        var chosen = files.Where(f => string.Equals(f.Split, split, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
        {
            throw new InputException($"{path} has no {split} split: it holds {InputSelection.Counted(splits)}; "
                + $"give --split {splits.First(s => s.Split != "(no split)").Split}, or --split all for every file");
        }

        return new InputSelection(path, chosen, [.. splits.Where(s => !s.Split.Equals(split, StringComparison.OrdinalIgnoreCase))], split.ToLowerInvariant());
    }

    /// <summary>The files of a folder and its subfolders, but for hidden ones (.cache, .git) and the Hub's metadata.</summary>
    private static IEnumerable<string> DataFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Where(f => !Metadata.Contains(Path.GetFileName(f)));

    /// <summary>The split a Hub file is of, by its folder or name (<c>train/…</c>, <c>test-00000-of-00001.parquet</c>), or null.</summary>
    private static string? SplitOf(string relativePath) =>
        Split().Match(relativePath.Replace('\\', '/')) is { Success: true } match ? match.Groups["split"].Value.ToLowerInvariant() : null;

    [GeneratedRegex(@"(?:^|/)(?<split>train|test|validation|valid|dev)(?:/|[-_.])", RegexOptions.IgnoreCase)]
    private static partial Regex Split();
}
