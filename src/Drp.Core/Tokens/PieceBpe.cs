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
/// An encoding of the tokenizer library, a piece at a time: <c>TiktokenTokenizer</c> for o200k and cl100k, the
/// library's <c>BpeTokenizer</c> for a Hugging Face tokenizer (NFC, added tokens). Where drp has a scanner for the
/// encoding's pre-tokenizer pattern it cuts the pieces itself and the library encodes each alone; with another pattern
/// the library does both, on the text between special tokens.
/// </summary>
/// <remarks>
/// Why drp cuts the pieces and remembers their counts (Microsoft.ML.Tokenizers 3.0.0, <c>drp run</c> on the QwQ
/// traces replicated to 100k records, side by side on a 2-core machine, two rounds): with the library alone
/// (<c>CountTokens</c> on the whole text) a run took 55.9 s and 53.6 s against 41.7 s and 41.8 s (+28% to +34%), its
/// profile putting 60% of the library's counting time in its regex pre-tokenizer (<c>RegexPreTokenizer.PreTokenize</c>
/// 3.1% of all samples, encoding the pieces 2.0%); with drp's scanners but no piece cache, 65.4 s and 65.8 s; with
/// both, 40.2 s to 45.8 s (+4% to +10%). The scanners (<see cref="PieceSplitter"/>) cut exactly where the patterns
/// do, checked on every real trace by <c>TokenizerTests</c>.
/// /// </remarks>
internal sealed class LibraryBpe : IPieceBpe
{
    private readonly Tokenizer tokenizer;
    private readonly bool preTokenize;

    /// <param name="split">drp's scanner for the encoding's pattern, or null for the library's pre-tokenizer.</param>
    private LibraryBpe(Tokenizer tokenizer, PieceSplitter.NextPiece? split, bool normalizesNfc, IReadOnlyDictionary<string, int>? specials)
    {
        this.tokenizer = tokenizer;
        preTokenize = split is null;
        Split = split ?? PieceSplitter.Whole;
        NormalizesNfc = normalizesNfc;
        SpecialTokens = specials?.Keys.ToList() ?? [];
    }

    public PieceSplitter.NextPiece Split { get; }

    public bool NormalizesNfc { get; }

    public IReadOnlyCollection<string> SpecialTokens { get; }

    /// <summary>GPT-4o's encoding (o200k_base).</summary>
    public static LibraryBpe O200k() => Tiktoken(TiktokenTokenizer.CreateForModel("gpt-4o"), PieceSplitter.O200k);

    /// <summary>GPT-4's encoding (cl100k_base).</summary>
    public static LibraryBpe Cl100k() => Tiktoken(TiktokenTokenizer.CreateForModel("gpt-4"), PieceSplitter.Cl100k);

    /// <summary>A Hugging Face tokenizer from a model folder or a tokenizer.json.</summary>
    public static LibraryBpe HuggingFace(string path)
    {
        var (tokenizer, pattern) = ByteLevelBpe.LoadWithPattern(path);
        PieceSplitter.NextPiece? split = pattern == ByteLevelBpe.Qwen2Pattern ? PieceSplitter.Qwen2 : null;
        return new LibraryBpe(tokenizer, split, normalizesNfc: true, (tokenizer as BpeTokenizer)?.SpecialTokens);
    }

    public int Count(ReadOnlySpan<char> piece) => tokenizer.CountTokens(piece, considerPreTokenization: preTokenize, considerNormalization: false);

    private static LibraryBpe Tiktoken(TiktokenTokenizer tokenizer, PieceSplitter.NextPiece split) =>
        new(tokenizer, split, normalizesNfc: false, tokenizer.SpecialTokens);
}
