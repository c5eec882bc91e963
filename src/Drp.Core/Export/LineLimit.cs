using Drp.Core.Model;
using Drp.Core.Tokens;

namespace Drp.Core.Export;

/// <summary>
/// <c>--max-tokens</c>: a training line is as long as the trainer will see it, the system, user and assistant turns
/// rendered with the student's chat template and counted in its tokenizer; a record with a line over the limit is left
/// out (trainers cut such lines silently, answer and all), never cut.
/// </summary>
public sealed class LineLimit
{
    private LineLimit(int maxTokens, ITokenCounter tokens, ChatTemplate template)
    {
        MaxTokens = maxTokens;
        Tokens = tokens;
        Template = template;
    }

    public int MaxTokens { get; }

    public ITokenCounter Tokens { get; }

    public ChatTemplate Template { get; }

    /// <exception cref="ArgumentException">A limit below 1.</exception>
    public static LineLimit Create(int maxTokens, ITokenCounter tokens, ChatTemplate template) => maxTokens < 1
        ? throw new ArgumentException($"--max-tokens: {maxTokens} is not a number of tokens (1 or more)")
        : new LineLimit(maxTokens, tokens, template);

    /// <summary>
    /// The length of a line in tokens, as the trainer renders it: each of the template's own tokens is one token (as in
    /// its model's tokenizer, whatever the folder's tokenizer_config lists), the text between them counted in the tokenizer.
    /// </summary>
    public int Length(TrainingExample example, string? system) =>
        SpecialTokens.Count(Template.Render(system, example.Question, example.AssistantTurn), Template.SpecialTokens, between => Tokens.Count(between.ToString()));

    /// <summary>
    /// An exportable record with the length of its training line (as <c>drp run</c> writes it) in its token counts,
    /// rejected as <c>too_long</c> when that is over the limit; any other record comes back untouched.
    /// </summary>
    public DrpRecord Check(DrpRecord record)
    {
        if (!ExportStage.IsExportable(record))
        {
            return record;
        }

        var length = Length(TrainingExample.From(record, original: false, AnswerStyles.Original), system: null);
        var measured = record with { Tokens = (record.Tokens ?? new TokenStats(0, 0, Tokens.Name)) with { Line = length } };
        return length <= MaxTokens ? measured : measured with
        {
            Rejected = new Rejection(StageNames.Export, RejectReasons.TooLong,
                $"the training line is {length} tokens ({Tokens.Name}, {Template.Name} template), over --max-tokens {MaxTokens}: a trainer would cut it"),
        };
    }

    /// <summary>The longest of a record's lines (its pruned and, for the control set, its original reasoning).</summary>
    public int Longest(DrpRecord record, ExportOptions options, IEnumerable<bool> originals) =>
        originals.Max(original => Length(TrainingExample.From(record, original, options.AnswerStyle), options.System));
}
