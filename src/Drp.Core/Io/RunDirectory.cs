namespace Drp.Core.Io;

/// <summary>The files of a run folder (<c>drp run --out DIR</c>), by name.</summary>
public static class RunDirectory
{
    public const string Decomposed = "decomposed.jsonl";
    public const string Pruned = "pruned.jsonl";
    public const string Validated = "validated.jsonl";
    public const string Train = "train.jsonl";
    public const string TrainParquet = "train.parquet";
    public const string Rejects = "rejects.jsonl";
    public const string Summary = "summary.json";
    public const string DatasetInfo = "dataset_info.json";
    public const string Report = "report.html";
    public const string Manifest = "manifest.json";

    /// <summary>The LLM teacher's answers (see <c>ResponseCache</c>) and the answers it did not accept.</summary>
    public const string Cache = "cache";

    /// <summary>The Batch API's input files, results and log.</summary>
    public const string Batches = "batches";

    /// <summary>Whether a folder holds a run: its manifest, or the outputs of one.</summary>
    public static bool Holds(string dir) =>
        new[] { Manifest, Validated, Summary }.Any(file => File.Exists(Path.Combine(dir, file)));
}
