using System.Reflection;

namespace Drp.Core.Teachers.Llm;

/// <summary>The JSON schemas of structured answers, embedded from <c>prompts/</c>.</summary>
public static class Schemas
{
    public static readonly string Decompose = Read("decompose.schema.json");
    public static readonly string Prune = Read("prune.schema.json");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"prompts/{name}")
            ?? throw new InvalidOperationException($"schema {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
