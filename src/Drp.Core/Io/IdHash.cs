using System.Security.Cryptography;
using System.Text;

namespace Drp.Core.Io;

/// <summary>
/// The SHA-256 of a record id (its UTF-8), computed once per record when it is read: it says which shard the record
/// is in, and keys it among the ids already seen.
/// </summary>
public static class IdHash
{
    public static byte[] Of(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id));
}
