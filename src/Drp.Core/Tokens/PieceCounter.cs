using System.Text;

namespace Drp.Core.Tokens;

/// <summary>
/// Counts tokens fast: splits the text into pre-tokenizer pieces with the encoding's hand-written scanner, and counts
/// each distinct piece once by byte pair encoding that piece alone, remembering it. Special tokens (<c>&lt;think&gt;</c>,
/// end of text…) count one each; normalisation (NFC for Hugging Face tokenizers) is applied first, as the tokenizer does.
/// </summary>
internal sealed class PieceCounter : ITokenCounter
{
    /// <summary>Pieces remembered at most (a few MB); English reasoning needs far fewer.</summary>
    private const int MaxRemembered = 500_000;

    /// <summary>Longer pieces (a run of symbols, a whole text) are rarely seen twice: they are counted, not remembered.</summary>
    private const int MaxRememberedLength = 256;

    private readonly Lazy<IPieceBpe> bpe;
    private readonly PieceCache pieces = new(MaxRemembered);

    /// <param name="load">Loads the encoding when the first text is counted: an LLM run counts only answers, so it does
    /// not spend its start (on the way to its first requests) loading one.</param>
    public PieceCounter(string name, Func<IPieceBpe> load)
    {
        Name = name;
        bpe = new Lazy<IPieceBpe>(load);
    }

    public string Name { get; }

    public int Count(string text)
    {
        var encoding = bpe.Value;
        if (encoding.NormalizesNfc && !text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        return SpecialTokens.Count(text, encoding.SpecialTokens, between => CountPieces(encoding, between));
    }

    private int CountPieces(IPieceBpe encoding, ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length;)
        {
            var end = encoding.Split(text, i);
            count += CountPiece(encoding, text[i..end]);
            i = end;
        }

        return count;
    }

    private int CountPiece(IPieceBpe encoding, ReadOnlySpan<char> piece)
    {
        if (pieces.TryGet(piece, out var known))
        {
            return known;
        }

        var count = encoding.Count(piece);
        if (piece.Length <= MaxRememberedLength)
        {
            pieces.Add(piece, count);
        }

        return count;
    }
}
