using System.Text;
using Drp.Core.Answers;

namespace Drp.Core.Io;

/// <summary>Gold answers of a benchmark file (GSM8K, AIME, MATH-500…) looked up by normalised question text.</summary>
public sealed class GoldIndex
{
    private readonly Dictionary<string, string> byQuestion;

    private GoldIndex(Dictionary<string, string> byQuestion) => this.byQuestion = byQuestion;

    public int Count => byQuestion.Count;

    public static async Task<GoldIndex> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var byQuestion = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in RawReader.ReadAsync(path, cancellationToken: cancellationToken))
        {
            if (item.Value is not { } value
                || RecordMapper.FirstText(value, "question") is not { } question
                || RecordMapper.FirstText(value, "gold") is not { } gold)
            {
                continue;
            }

            byQuestion.TryAdd(NormalizeQuestion(question), GoldAnswer.Normalize(gold));
        }

        if (byQuestion.Count == 0)
        {
            throw new InputException($"{path}: no records with a question and an answer, so no gold answers to join");
        }

        return new GoldIndex(byQuestion);
    }

    public string? Find(string question) => byQuestion.GetValueOrDefault(NormalizeQuestion(question));

    /// <summary>Lower case, runs of white space as one space, no surrounding space.</summary>
    public static string NormalizeQuestion(string question)
    {
        var builder = new StringBuilder(question.Length);
        var pendingSpace = false;
        foreach (var c in question.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
