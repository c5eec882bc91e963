using System.Text.RegularExpressions;

namespace Drp.Core.Io;

/// <summary>
/// The files an input names: a file, stdin, a glob, or a folder as the Hub's downloads lay it out (the shards of
/// <c>data/train-0000N-of-0000M.parquet</c>, <c>default/train/*.parquet</c>, found in its subfolders too), read in name
/// order as one input. A folder's files are of one kind and one split: with several, drp names them and asks which
/// (it never reads some and skips the others in silence). Hidden files and the Hub's metadata (dataset_info.json,
/// README.md) are not records.
/// </summary>
public static partial class InputFiles
{
    private static readonly string[] Readable = [".parquet", ".jsonl", ".ndjson", ".json", ".csv"];

    /// <summary>JSON files of a dataset folder that describe it rather than hold records.</summary>
    private static readonly HashSet<string> Metadata = new(StringComparer.OrdinalIgnoreCase) { "dataset_info.json", "dataset_infos.json", "dataset_dict.json", "state.json" };

    /// <exception cref="InputException">Nothing there, a folder or glob without a readable file, or with files of several kinds or splits.</exception>
    public static IReadOnlyList<string> Of(string path)
    {
        if (path == "-" || File.Exists(path))
        {
            return [path];
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
            .ToList();
        if (files.Count == 0)
        {
            throw new InputException($"{path}: no input file there (.parquet, .jsonl, .ndjson, .json or .csv)");
        }

        var kinds = files.GroupBy(f => Readable.First(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).OrderByDescending(k => k.Count()).ToList();
        if (kinds.Count > 1)
        {
            throw new InputException($"{path} holds files of several kinds ({string.Join(", ", kinds.Select(k => $"{k.Count()} {k.Key}"))}): "
                + $"name the ones to read with a glob ({Path.Combine(folder, "*" + kinds[0].Key)}) or one file");
        }

        var splits = files.GroupBy(f => SplitOf(Path.GetRelativePath(folder, f))).Where(g => g.Key is not null).ToList();
        if (splits.Count > 1)
        {
            var train = splits.FirstOrDefault(s => s.Key == "train") ?? splits[0];
            var example = Path.Combine(Path.GetDirectoryName(train.First())!, Path.GetFileName(train.First()).StartsWith(train.Key!, StringComparison.OrdinalIgnoreCase)
                ? $"{train.Key}*{kinds[0].Key}" : $"*{kinds[0].Key}");
            throw new InputException($"{path} holds the splits {string.Join(", ", splits.Select(s => $"{s.Key} ({s.Count()} files)"))}: name the one to read, as {example}");
        }

        return files;
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
