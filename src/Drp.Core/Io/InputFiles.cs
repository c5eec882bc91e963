namespace Drp.Core.Io;

/// <summary>
/// The files an input names: a file, stdin, or a folder or glob of files of one kind (the first of .parquet, .jsonl,
/// .ndjson, .json, .csv it has), read in name order as one input.
/// </summary>
public static class InputFiles
{
    private static readonly string[] Readable = [".parquet", ".jsonl", ".ndjson", ".json", ".csv"];

    /// <exception cref="InputException">Nothing there, or a folder or glob without a readable file.</exception>
    public static IReadOnlyList<string> Of(string path)
    {
        if (path == "-" || File.Exists(path))
        {
            return [path];
        }

        var (folder, pattern) = Directory.Exists(path) ? (path, "*")
            : path.IndexOfAny(['*', '?']) >= 0 ? (Path.GetDirectoryName(path) is { Length: > 0 } dir ? dir : ".", Path.GetFileName(path))
            : throw new InputException($"{path}: file not found");
        if (!Directory.Exists(folder) || folder.IndexOfAny(['*', '?']) >= 0)
        {
            throw new InputException($"{path}: no such folder ({folder}); a glob may have * or ? in its file name only");
        }

        // One kind of file: a Hub folder's shards, not the dataset_info.json or notes beside them.
        var all = Directory.EnumerateFiles(folder, pattern).ToList();
        var files = Readable.Select(e => all.Where(f => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList())
            .FirstOrDefault(f => f.Count > 0);
        return files ?? throw new InputException($"{path}: no input file there (.parquet, .jsonl, .ndjson, .json or .csv)");
    }
}
