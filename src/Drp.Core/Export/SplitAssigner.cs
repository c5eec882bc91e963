using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Drp.Core.Export;

/// <summary>A train/validation split by record id: the same on every run and every machine, and independent of order.</summary>
public sealed class SplitAssigner(double validationRatio, int seed)
{
    public bool IsValidation(string id)
    {
        if (validationRatio <= 0)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u0000{id}"));
        var unit = BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue;
        return unit < validationRatio;
    }
}
