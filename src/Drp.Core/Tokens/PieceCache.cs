namespace Drp.Core.Tokens;

/// <summary>
/// The token counts of pieces already counted, for the workers of a run at once: an open-addressing table read
/// without locks (a piece is found by its hash, then compared char by char), written under a lock. Every piece is
/// looked up (a thousand or more per trace); few are new after the first traces.
/// </summary>
internal sealed class PieceCache(int capacity)
{
    private sealed record Entry(string Piece, uint Hash, int Count);

    private readonly Lock writing = new();
    private Entry?[] slots = new Entry?[1024];
    private int count;

    public bool TryGet(ReadOnlySpan<char> piece, out int tokens)
    {
        var hash = Hash(piece);
        var table = Volatile.Read(ref slots);
        for (var i = Index(hash, table.Length); ; i = (i + 1) & (table.Length - 1))
        {
            var entry = Volatile.Read(ref table[i]);
            if (entry is null)
            {
                tokens = 0;
                return false;
            }

            if (entry.Hash == hash && piece.SequenceEqual(entry.Piece))
            {
                tokens = entry.Count;
                return true;
            }
        }
    }

    /// <summary>Remembers the count of a piece, unless the cache holds <c>capacity</c> pieces already.</summary>
    public void Add(ReadOnlySpan<char> piece, int tokens)
    {
        lock (writing)
        {
            if (count >= capacity || TryGet(piece, out _))
            {
                return;
            }

            if (2 * (count + 1) > slots.Length)
            {
                var larger = new Entry?[slots.Length * 2];
                foreach (var entry in slots)
                {
                    if (entry is not null)
                    {
                        Place(larger, entry);
                    }
                }

                Volatile.Write(ref slots, larger);
            }

            Place(slots, new Entry(piece.ToString(), Hash(piece), tokens));
            count++;
        }
    }

    private static void Place(Entry?[] table, Entry entry)
    {
        var i = Index(entry.Hash, table.Length);
        while (table[i] is not null)
        {
            i = (i + 1) & (table.Length - 1);
        }

        Volatile.Write(ref table[i], entry);
    }

    private static int Index(uint hash, int length) => (int)((hash * 0x9E3779B9u) >> (32 - int.Log2(length)));

    /// <summary>FNV-1a over the chars.</summary>
    private static uint Hash(ReadOnlySpan<char> piece)
    {
        var hash = 2166136261u;
        foreach (var c in piece)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
