namespace Drp.Core.Model;

/// <summary>The names of the pipeline's stages, as records, rejects, caches and usage figures carry them.</summary>
public static class StageNames
{
    public const string Decompose = "decompose";
    public const string Prune = "prune";
    public const string Validate = "validate";
    public const string Grade = "grade";

    /// <summary>The training line's own checks (<c>--max-tokens</c>), after validation.</summary>
    public const string Export = "export";

    /// <summary>The look-up of each question among benchmark questions (<c>--decontaminate</c>), before any teacher sees it.</summary>
    public const string Decontaminate = "decontaminate";
}
