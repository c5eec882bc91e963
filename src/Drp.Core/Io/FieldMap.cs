namespace Drp.Core.Io;

/// <summary>
/// Where each field of a record is found in the input: given by <c>--map question=…,gold=…,trace=…</c>, or, for a
/// field not given, the first of the usual names that the record has.
/// </summary>
public sealed class FieldMap
{
    public static readonly IReadOnlyList<string> Targets = ["id", "question", "gold", "trace", "model", "correct"];

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<FieldPath>> Usual = new Dictionary<string, IReadOnlyList<FieldPath>>
    {
        ["id"] = Paths("id", "idx", "unique_id", "uid", "problem_id", "task_id", "qid"),
        ["question"] = Paths("question", "problem", "prompt", "query", "instruction", "input"),
        ["gold"] = Paths("gold", "gt", "gt_answer", "correct_answer", "ground_truth", "expected_answer", "reference_answer",
            "target", "answer", "solution"),
        ["trace"] = Paths("trace", "response", "output", "completion", "generation", "model_output", "full_cot",
            "model_answers.thinking_model", "code[0]", "responses[0]", "outputs[0]", "generations[0]"),
        ["model"] = Paths("model", "model_name"),

        // With trace=…[*]: the dataset's own verdict on each generation (false: rejected before a teacher is paid).
        ["correct"] = Paths("correctness_math_verify[*]", "correctness[*]"),
    };

    private readonly IReadOnlyDictionary<string, FieldPath> given;

    private FieldMap(IReadOnlyDictionary<string, FieldPath> given) => this.given = given;

    public static FieldMap Auto { get; } = new(new Dictionary<string, FieldPath>());

    /// <summary>Parses <c>target=path,target=path</c>.</summary>
    /// <exception cref="FormatException">An unknown target, a pair without '=', or a bad path.</exception>
    /// <param name="option">The option the text came from, for messages.</param>
    public static FieldMap Parse(string? text, string option = "--map")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Auto;
        }

        var given = new Dictionary<string, FieldPath>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"{option}: '{pair}' is not target=path");
            }

            var target = pair[..equals].Trim();
            if (!Targets.Contains(target))
            {
                throw new FormatException($"{option}: unknown field '{target}' (known: {string.Join(", ", Targets)})");
            }

            given[target] = FieldPath.Parse(pair[(equals + 1)..].Trim());
        }

        return new FieldMap(given);
    }

    /// <summary>The path given for <paramref name="target"/>, if the user gave one.</summary>
    public FieldPath? Given(string target) => given.GetValueOrDefault(target);

    /// <summary>The target given with <c>[*]</c> (a record for each element), if any.</summary>
    public (string Target, FieldPath Path)? Fanned =>
        given.Where(g => g.Value.IsFanned && g.Key != "correct").Select(g => ((string, FieldPath)?)(g.Key, g.Value)).FirstOrDefault();

    /// <summary>This map with one target's path replaced.</summary>
    public FieldMap With(string target, FieldPath path) => new(new Dictionary<string, FieldPath>(given) { [target] = path });

    /// <summary>The usual names tried for <paramref name="target"/> when none is given.</summary>
    public static IReadOnlyList<FieldPath> UsualPaths(string target) => Usual[target];

    private static IReadOnlyList<FieldPath> Paths(params string[] paths) => [.. paths.Select(FieldPath.Parse)];
}
