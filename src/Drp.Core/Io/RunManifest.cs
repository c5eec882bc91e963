using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Drp.Core.Model;

namespace Drp.Core.Io;

/// <summary>
/// <c>DIR/manifest.json</c>, written when a run starts: drp's version, the command line as given (what <c>drp run
/// --resume DIR</c> runs again) and where it was given, the teacher, its prompt version and price, and the input's
/// size, line count and SHA-256, so a run can be reproduced and audited. The key is never an option, so it is never here.
/// A folder <c>drp merge</c> wrote has the merge's command line, the shards' input, teacher and price, and the shards.
/// </summary>
/// <remarks>Written in the order of <see cref="JsonPropertyOrderAttribute"/>; what older runs left out reads as null.</remarks>
public sealed record RunManifest(
    [property: JsonPropertyOrder(1)] string Command,
    [property: JsonPropertyOrder(2)] IReadOnlyList<string> Args,
    [property: JsonPropertyOrder(4)] string Teacher,
    [property: JsonPropertyOrder(7)] InputFile Input,
    [property: JsonPropertyOrder(0)] string? DrpVersion = null,
    [property: JsonPropertyOrder(3)] string? WorkingDirectory = null,
    [property: JsonPropertyOrder(5)] string? PromptVersion = null,
    [property: JsonPropertyOrder(6)] Price? PricePerMillionTokens = null,
    [property: JsonPropertyOrder(8)] IReadOnlyList<string>? Shards = null)
{
    /// <summary>A manifest of this drp, with the command line <paramref name="args"/> given in the current directory.</summary>
    public static RunManifest Of(IReadOnlyList<string> args, string teacher, string? promptVersion, Price? price, InputFile input) =>
        new(string.Join(' ', args), args, teacher, input,
            typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            Environment.CurrentDirectory, promptVersion, price);

    /// <summary>Options left out with their value: what differs per shard, and the form of the logs.</summary>
    private static readonly HashSet<string> LeftOutWithValue = new(StringComparer.Ordinal) { "--out", "--shard", "--resume", "--log-format" };

    /// <summary>Flags that change no output.</summary>
    private static readonly HashSet<string> Unrelated = new(StringComparer.Ordinal) { "-q", "--quiet", "-v", "--verbose", "--force" };

    /// <summary>The run's options: its command line without the command and the input, the values that differ per
    /// shard (--out, --shard) and what changes no output (-q, -v, --force, --log-format).</summary>
    public string Options()
    {
        var kept = new List<string>();
        for (var i = 1; i < Args.Count; i++)
        {
            var arg = Args[i];
            if (LeftOutWithValue.Contains(arg))
            {
                i++;
            }
            else if (!Unrelated.Contains(arg) && arg != Input.Path)
            {
                kept.Add(arg);
            }
        }

        return string.Join(' ', kept);
    }

    public async Task WriteAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, RunDirectory.Manifest), JsonSerializer.Serialize(this, DrpJson.TypeInfo<RunManifest>(indented: true)) + "\n");
    }

    /// <summary>The manifest of the run in <paramref name="directory"/>; null when it has none.</summary>
    /// <exception cref="InputException">The manifest cannot be read.</exception>
    public static RunManifest? Read(string directory)
    {
        var path = Path.Combine(directory, RunDirectory.Manifest);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), DrpJson.TypeInfo<RunManifest>())
                ?? throw new InputException($"{path}: unreadable manifest: null");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: unreadable manifest: {e.Message}");
        }
    }
}

/// <summary>The input of a run: its path and, for a file, its size, number of lines and SHA-256.</summary>
public sealed record InputFile(string Path, long? Bytes = null, long? Lines = null, string? Sha256 = null)
{
    /// <summary>The same content (by SHA-256 when both have one, else by path).</summary>
    public bool SameAs(InputFile other) =>
        Sha256 is not null && other.Sha256 is not null ? Sha256 == other.Sha256 : Path == other.Path;

    /// <summary>The input's facts, in one read of it (stdin and names that are no file: the path alone).</summary>
    public static async Task<InputFile> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-" || !File.Exists(path))
        {
            return new InputFile(path);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        var (lines, last) = (0L, (byte)'\n');
        for (int read; (read = await stream.ReadAsync(buffer, cancellationToken)) > 0;)
        {
            var chunk = buffer.AsSpan(0, read);
            hash.AppendData(chunk);
            lines += chunk.Count((byte)'\n');
            last = chunk[^1];
        }

        lines += last == '\n' ? 0 : 1;
        return new InputFile(path, stream.Length, lines, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
