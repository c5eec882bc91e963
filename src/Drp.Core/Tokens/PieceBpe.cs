using Microsoft.ML.Tokenizers;

namespace Drp.Core.Tokens;

/// <summary>Counts the tokens of one pre-tokenizer piece, and knows the special tokens that count one each.</summary>
internal interface IPieceBpe
{
    IReadOnlyCollection<string> SpecialTokens { get; }

    int Count(ReadOnlySpan<char> piece);
}

/// <summary>A tokenizer of the tokenizer library, asked for each piece alone (no pre-tokenization, no normalisation).</summary>
internal sealed class LibraryBpe(Tokenizer tokenizer) : IPieceBpe
{
    public IReadOnlyCollection<string> SpecialTokens { get; } = (tokenizer switch
    {
        TiktokenTokenizer t => t.SpecialTokens,
        BpeTokenizer b => b.SpecialTokens,
        _ => null,
    })?.Keys.ToList() ?? [];

    public int Count(ReadOnlySpan<char> piece) => tokenizer.CountTokens(piece, considerPreTokenization: false, considerNormalization: false);
}
