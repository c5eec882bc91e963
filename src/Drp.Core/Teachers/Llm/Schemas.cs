namespace Drp.Core.Teachers.Llm;

/// <summary>The JSON schemas of structured answers, embedded from <c>prompts/</c>.</summary>
public static class Schemas
{
    public static readonly string Decompose = PromptSet.Resource("decompose.schema.json");
    public static readonly string Prune = PromptSet.Resource("prune.schema.json");
}
