namespace Drp.Core.Export;

/// <summary>How records become training lines.</summary>
public sealed record ExportOptions
{
    public string Format { get; init; } = ExportFormat.SftJsonl;

    /// <summary>A system turn for formats that have one.</summary>
    public string? System { get; init; }

    public string AnswerStyle { get; init; } = AnswerStyles.Original;

    /// <summary>Write Parquet whatever the file is called (<c>--output-format parquet</c>; a name ending .parquet does too).</summary>
    public bool Parquet { get; init; }
}

/// <summary>How the final answer after <c>&lt;/think&gt;</c> reads.</summary>
public static class AnswerStyles
{
    /// <summary>The student's own text after <c>&lt;/think&gt;</c> (its summary with <c>\boxed{}</c>).</summary>
    public const string Original = "original";

    /// <summary><c>\boxed{answer}</c>, as R1-distill students end.</summary>
    public const string Boxed = "boxed";

    /// <summary>"The answer is …".</summary>
    public const string Sentence = "sentence";

    public static readonly IReadOnlyList<string> All = [Original, Boxed, Sentence];
}

/// <summary>Which reasoning is exported: the pruned one, the student's original (the control set), or both.</summary>
public static class Variants
{
    public const string Pruned = "pruned";
    public const string Original = "original";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> All = [Pruned, Original, Both];
}
