using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// The teacher's prompt texts: the defaults of <c>prompts/</c> embedded in drp, or a folder of the user's own
/// (<c>--prompts DIR</c>). Their hash is the prompt version that cache keys and records carry.
/// </summary>
public sealed class PromptSet
{
    public const string DecomposeName = "decompose.md";
    public const string PruneName = "prune.md";

    private PromptSet(string decompose, string prune)
    {
        Decompose = decompose;
        Prune = prune;
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(decompose + "\u0000" + prune)))[..12];
    }

    public string Decompose { get; }

    public string Prune { get; }

    public string Version { get; }

    public static PromptSet Embedded() => new(Resource(DecomposeName), Resource(PruneName));

    /// <summary>A folder's own prompts; a file it lacks falls back to the default.</summary>
    /// <exception cref="ArgumentException">The folder does not exist.</exception>
    public static PromptSet FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"--prompts {directory}: no such folder");
        }

        string Read(string name) => File.Exists(Path.Combine(directory, name)) ? File.ReadAllText(Path.Combine(directory, name)) : Resource(name);
        return new PromptSet(Read(DecomposeName), Read(PruneName));
    }

    /// <summary>Fills <c>{{name}}</c> placeholders.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{{" + name + "}}", value);
        }

        return builder.ToString();
    }

    /// <summary>A file of <c>prompts/</c> as embedded in drp.</summary>
    internal static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"prompts/{name}")
            ?? throw new InvalidOperationException($"prompts/{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
