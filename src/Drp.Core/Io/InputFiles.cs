namespace Drp.Core.Io;

/// <summary>The files an input names: a file, a folder or a glob of files (read in name order as one input), or stdin.</summary>
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

        var files = Directory.EnumerateFiles(folder, pattern)
            .Where(f => Readable.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new InputException($"{path}: no input file there (.parquet, .jsonl, .json or .csv)");
    }
}
