using System.Buffers;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Drp.Core.Tokens;

/// <summary>
/// tiktoken's byte pair encoding (o200k_base, cl100k_base), counting only: a piece's UTF-8 bytes are merged pair by
/// pair, lowest rank first, until no adjacent pair is a token. The ranks are the tokenizer library's own data files.
/// Token bytes are kept as strings of chars 0-255, so a piece's bytes are looked up without allocating.
/// </summary>
internal sealed class TiktokenBpe : IPieceBpe
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private TiktokenBpe(Dictionary<string, int> ranks, PieceSplitter.NextPiece split, IReadOnlyCollection<string> specials)
    {
        lookup = ranks.GetAlternateLookup<ReadOnlySpan<char>>();
        Split = split;
        SpecialTokens = specials;
    }

    public PieceSplitter.NextPiece Split { get; }

    public bool NormalizesNfc => false;

    public IReadOnlyCollection<string> SpecialTokens { get; }

    /// <summary>GPT-4o's encoding and the special tokens the tokenizer library gives it.</summary>
    public static TiktokenBpe O200k() => Load("Microsoft.ML.Tokenizers.Data.O200kBase", "o200k_base.tiktoken.deflate", PieceSplitter.O200k, ["<|endoftext|>", "<|endofprompt|>"]);

    /// <summary>GPT-4's encoding and the special tokens the tokenizer library gives it.</summary>
    public static TiktokenBpe Cl100k() => Load("Microsoft.ML.Tokenizers.Data.Cl100kBase", "cl100k_base.tiktoken.deflate", PieceSplitter.Cl100k,
        ["<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>"]);

    public int Count(ReadOnlySpan<char> piece)
    {
        var byteCount = Encoding.UTF8.GetByteCount(piece);
        var rented = byteCount > 256 ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        var charsRented = byteCount > 256 ? ArrayPool<char>.Shared.Rent(byteCount) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[byteCount];
            Span<char> chars = charsRented ?? stackalloc char[byteCount];
            Encoding.UTF8.GetBytes(piece, bytes);
            for (var i = 0; i < byteCount; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return Merge(chars[..byteCount]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
                ArrayPool<char>.Shared.Return(charsRented!);
            }
        }
    }

    /// <summary>
    /// How many tokens the bytes (as chars 0-255) merge into. tiktoken's rule: merge the adjacent pair of lowest rank
    /// (the leftmost of equals) until none is a token; done with a heap of pairs by (rank, position) over a linked
    /// list of parts, an entry whose pair has changed since being skipped, so a long piece (a run of thousands of
    /// symbols in a bad input) takes n log n.
    /// </summary>
    private int Merge(ReadOnlySpan<char> bytes)
    {
        var n = bytes.Length;
        if (n <= 1 || lookup.ContainsKey(bytes))
        {
            return Math.Min(1, n);
        }

        var next = new int[n];
        var previous = new int[n];
        for (var i = 0; i < n; i++)
        {
            (next[i], previous[i]) = (i + 1, i - 1);
        }

        var heap = new PriorityQueue<int, (int Rank, int Start)>();
        for (var i = 0; i + 1 < n; i++)
        {
            Push(heap, bytes, i, next);
        }

        var parts = n;
        while (heap.TryDequeue(out var left, out var key))
        {
            // Skip a pair that is gone: its left part was merged away, or is now the last, or has a new right neighbour.
            if (next[left] is var right && (right < 0 || right >= n || RankOf(bytes, left, next[right]) != key.Rank))
            {
                continue;
            }

            next[left] = next[right];
            if (next[left] < n)
            {
                previous[next[left]] = left;
            }

            next[right] = -1;
            parts--;
            Push(heap, bytes, left, next);
            if (previous[left] >= 0)
            {
                Push(heap, bytes, previous[left], next);
            }
        }

        return parts;
    }

    /// <summary>Queues the pair of the part starting at <paramref name="left"/> and the next, if it is a token.</summary>
    private void Push(PriorityQueue<int, (int, int)> heap, ReadOnlySpan<char> bytes, int left, int[] next)
    {
        var right = next[left];
        if (right < bytes.Length && RankOf(bytes, left, next[right]) is var rank and < int.MaxValue)
        {
            heap.Enqueue(left, (rank, left));
        }
    }

    private int RankOf(ReadOnlySpan<char> bytes, int start, int end) => lookup.TryGetValue(bytes[start..end], out var rank) ? rank : int.MaxValue;

    private static TiktokenBpe Load(string assembly, string resource, PieceSplitter.NextPiece split, IReadOnlyCollection<string> specials)
    {
        using var stream = Assembly.Load(assembly).GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{assembly} has no {resource}");
        using var reader = new StreamReader(new DeflateStream(stream, CompressionMode.Decompress));
        var ranks = new Dictionary<string, int>(210_000, StringComparer.Ordinal);
        // The library's files: a "Capacity: N" line, then one base64 token per line in rank order (or "base64 rank").
        Span<byte> buffer = stackalloc byte[1024];
        var next = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ');
            if (!Convert.TryFromBase64String(space < 0 ? line : line[..space], buffer, out var length))
            {
                throw new InvalidDataException($"{resource}: '{line}' is not a base64 token");
            }

            var key = string.Create(length, buffer[..length].ToArray(), (chars, bytes) =>
            {
                for (var i = 0; i < bytes.Length; i++)
                {
                    chars[i] = (char)bytes[i];
                }
            });
            var rank = space < 0 ? next : int.Parse(line.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture);
            ranks[key] = rank;
            next = rank + 1;
        }

        return new TiktokenBpe(ranks, split, specials);
    }
}
