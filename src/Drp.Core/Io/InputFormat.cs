namespace Drp.Core.Io;

public enum InputFormat
{
    /// <summary>Decided from the file name and its first bytes.</summary>
    Auto,
    Jsonl,
    Json,
    Csv,
    Parquet,
}
