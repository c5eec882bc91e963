using Microsoft.ML.Tokenizers;

namespace Drp.Core.Tokens;

/// <summary>
/// An encoding as <see cref="PieceCounter"/> uses it: how it cuts text into pieces, whether it normalises text to NFC
/// first, the special tokens that count one each, and the tokens of one piece.
/// </summary>
internal interface IPieceBpe
{
    PieceSplitter.NextPiece Split { get; }

    bool NormalizesNfc { get; }

    IReadOnlyCollection<string> SpecialTokens { get; }

    int Count(ReadOnlySpan<char> piece);
}

/// <summary>
/// A Hugging Face tokenizer of the tokenizer library (NFC, added tokens). With Qwen2's pre-tokenizer pattern drp cuts
/// the pieces and the library encodes each alone; with another pattern the library does both, on the text between
/// special tokens.
/// </summary>
internal sealed class LibraryBpe : IPieceBpe
{
    private readonly Tokenizer tokenizer;
    private readonly bool preTokenize;

    public LibraryBpe(string path)
    {
        (tokenizer, var pattern) = ByteLevelBpe.LoadWithPattern(path);
        preTokenize = pattern != ByteLevelBpe.Qwen2Pattern;
        Split = preTokenize ? PieceSplitter.Whole : PieceSplitter.Qwen2;
        SpecialTokens = (tokenizer as BpeTokenizer)?.SpecialTokens?.Keys.ToList() ?? [];
    }

    public PieceSplitter.NextPiece Split { get; }

    public bool NormalizesNfc => true;

    public IReadOnlyCollection<string> SpecialTokens { get; }

    public int Count(ReadOnlySpan<char> piece) => tokenizer.CountTokens(piece, considerPreTokenization: preTokenize, considerNormalization: false);
}
