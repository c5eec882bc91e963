using System.Buffers.Binary;
using System.Globalization;

namespace Drp.Core.Io;

/// <summary>
/// Shard K of N (K from 0, as a Kubernetes Indexed Job's JOB_COMPLETION_INDEX): the records whose id hashes to K.
/// The same id always lands in the same shard, so every record is in exactly one.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <exception cref="FormatException">Not K/N with 0 ≤ K &lt; N.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
               && count > 0 && index < count
            ? new Shard(index, count)
            : throw new FormatException($"--shard: '{text}' is not K/N with 0 <= K < N, such as 0/3");
    }

    /// <param name="idHash">The record id's <see cref="IdHash"/>.</param>
    public bool Contains(byte[] idHash) => (int)(BinaryPrimitives.ReadUInt64BigEndian(idHash) % (ulong)Count) == Index;

    public override string ToString() => $"{Index}/{Count}";
}
