using Microsoft.ML.Tokenizers;

namespace Drp.Core.Tokens;

/// <summary>The tokenizers drp counts with, by the name given to <c>--tokenizer</c>.</summary>
public static class TokenCounters
{
    public const string Default = "o200k";

    public static readonly IReadOnlyList<string> Names = ["o200k", "cl100k"];

    /// <param name="name">o200k, cl100k, or the path of a Hugging Face tokenizer folder (vocab.json + merges.txt) or tokenizer.json.</param>
    /// <exception cref="ArgumentException">An unknown name, or a path without a tokenizer drp can read.</exception>
    public static ITokenCounter Create(string name) => name switch
    {
        "o200k" => new PieceCounter(name, LibraryBpe.O200k),
        "cl100k" => new PieceCounter(name, LibraryBpe.Cl100k),
        _ when Directory.Exists(name) || File.Exists(name) => new PieceCounter(PathName(name), () => LibraryBpe.HuggingFace(name)),
        _ => throw new ArgumentException($"--tokenizer: unknown tokenizer '{name}' (o200k, cl100k, or a tokenizer folder or tokenizer.json)"),
    };

    /// <summary>The tokenizer library's own count (what <see cref="PieceCounter"/> is checked against).</summary>
    internal static ITokenCounter Reference(string name) => name switch
    {
        "o200k" => new Counter(name, () => TiktokenTokenizer.CreateForModel("gpt-4o")),
        "cl100k" => new Counter(name, () => TiktokenTokenizer.CreateForModel("gpt-4")),
        _ => new Counter(PathName(name), () => ByteLevelBpe.Load(name)),
    };

    /// <summary>The folder's name for a model folder ("qwen2"), the parent folder's for a tokenizer.json.</summary>
    private static string PathName(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        return Path.GetFileName(Directory.Exists(full) ? full : Path.GetDirectoryName(full)!);
    }

    /// <summary>Counts with the tokenizer library alone, loading it on a background thread from the start.</summary>
    private sealed class Counter : ITokenCounter
    {
        private readonly Task<Tokenizer> tokenizer;

        public Counter(string name, Func<Tokenizer> load)
        {
            Name = name;
            tokenizer = Task.Run(load);
        }

        public string Name { get; }

        public int Count(string text) => tokenizer.GetAwaiter().GetResult().CountTokens(text);
    }
}
