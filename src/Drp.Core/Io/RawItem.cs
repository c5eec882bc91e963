using System.Text.Json;

namespace Drp.Core.Io;

/// <summary>
/// One record as read from an input file, before field mapping: its JSON value, or why it could not be read.
/// <see cref="Location"/> names the file and line or record index, for messages.
/// </summary>
public sealed record RawItem(string Location, JsonElement? Value, string? Error)
{
    /// <summary>The dataset split of the file the record is in, when its name or folder says it.</summary>
    public string? Split { get; init; }

    public static RawItem Ok(string location, JsonElement value) => new(location, value, null);

    public static RawItem Bad(string location, string error) => new(location, null, error);
}
