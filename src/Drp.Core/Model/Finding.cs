namespace Drp.Core.Model;

/// <summary>
/// Something the pruned reasoning says that the student's reasoning and the question do not support: its
/// <see cref="Kind"/> (<see cref="FindingKinds"/>), the sentence it is in, and what is wrong in drp's words.
/// </summary>
public sealed record Finding(string Kind, string Sentence, string Detail);

/// <summary>The kinds of <see cref="Finding"/>: the keys of <c>faithfulness</c> in summary.json.</summary>
public static class FindingKinds
{
    /// <summary>A computation the pruned text writes does not hold ("8 times 30 is 241").</summary>
    public const string FalseComputation = "false_computation";

    /// <summary>A number that is in neither the question nor the student's reasoning, and no computation on the page gives it.</summary>
    public const string UnsupportedNumber = "unsupported_number";

    /// <summary>A result the student worked out is used, but the step that works it out is not on the page.</summary>
    public const string MissingStep = "missing_step";

    public static readonly IReadOnlyList<string> All = [FalseComputation, UnsupportedNumber, MissingStep];
}
