using Microsoft.ML.Tokenizers;

namespace Drp.Core.Tokens;

/// <summary>The tokenizers drp counts with, by the name given to <c>--tokenizer</c>.</summary>
public static class TokenCounters
{
    public const string Default = "o200k";

    public static readonly IReadOnlyList<string> Names = ["o200k", "cl100k"];

    /// <exception cref="ArgumentException">An unknown tokenizer name.</exception>
    public static ITokenCounter Create(string name) => name switch
    {
        "o200k" => new TiktokenCounter(name, TiktokenTokenizer.CreateForModel("gpt-4o")),
        "cl100k" => new TiktokenCounter(name, TiktokenTokenizer.CreateForModel("gpt-4")),
        _ => throw new ArgumentException($"unknown tokenizer '{name}' (known: {string.Join(", ", Names)})"),
    };

    private sealed class TiktokenCounter(string name, Tokenizer tokenizer) : ITokenCounter
    {
        public string Name => name;

        public int Count(string text) => tokenizer.CountTokens(text);
    }
}
