using System.Runtime.CompilerServices;
using System.Text.Json;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Answers;

namespace Drp.Core.Stages;

/// <summary>
/// Turns the records that passed validation into training lines: the question as the user turn, and
/// <c>&lt;think&gt;\n{pruned reasoning}\n&lt;/think&gt;\n\n{final answer}</c> as the assistant turn.
/// </summary>
public static class ExportStage
{
    public static bool IsExportable(DrpRecord record) =>
        record is { Rejected: null, Validation.Ok: true, Pruned: not null, Question: not null };

    public static async IAsyncEnumerable<string> RunAsync(IAsyncEnumerable<DrpRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (IsExportable(record))
            {
                yield return ToLine(record);
            }
        }
    }

    public static string ToLine(DrpRecord record)
    {
        var line = new SftLine(record.Question!, "", AssistantTurn(record.Pruned!.Reasoning, FinalAnswer(record)));
        return JsonSerializer.Serialize(line, DrpJson.TypeInfo<SftLine>());
    }

    public static string AssistantTurn(string reasoning, string answer) => $"<think>\n{reasoning}\n</think>\n\n{answer}";

    /// <summary>The student's own text after <c>&lt;/think&gt;</c>; when it has none, a sentence with the boxed answer.</summary>
    private static string FinalAnswer(DrpRecord record) =>
        record.Trace is { Answer.Length: > 0 } trace
            ? trace.Answer
            : AnswerSentence.For($@"\boxed{{{record.Validation!.Extracted}}}");

    /// <summary>The LLaMA-Factory <c>dataset_info.json</c> entry for a file written by this stage.</summary>
    public static string DatasetInfo(string datasetName, string fileName)
    {
        var entry = new Dictionary<string, DatasetInfoEntry>
        {
            [datasetName] = new(fileName, new Dictionary<string, string> { ["prompt"] = "instruction", ["query"] = "input", ["response"] = "output" }),
        };
        return JsonSerializer.Serialize(entry, DrpJson.TypeInfo<Dictionary<string, DatasetInfoEntry>>(indented: true));
    }
}

public sealed record DatasetInfoEntry(string FileName, IReadOnlyDictionary<string, string> Columns);
