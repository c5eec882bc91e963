using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Io;

/// <summary>
/// Turns one input record into a <see cref="DrpRecord"/>: a record drp wrote itself is read as it is; any other is
/// mapped field by field. A record that cannot be used comes back rejected, with the reason and where it was.
/// </summary>
public static class RecordMapper
{
    public const string LoadStage = "load";

    /// <returns>The record, and whether it was made here (false: a record drp wrote earlier, read back as it was).</returns>
    public static (DrpRecord Record, bool Mapped) Map(RawItem item, string source, LoadOptions options)
    {
        if (item.Value is not { } value)
        {
            return (Reject(item.Location, source, RejectReasons.MalformedRecord, $"{item.Location}: {item.Error}"), true);
        }

        if (!IsDrpRecord(value))
        {
            var record = MapForeign(item.Location, value, source, options);
            return (item.Split is null ? record : record with { Split = item.Split }, true);
        }

        try
        {
            return (value.Deserialize(DrpJsonContext.Default.DrpRecord)!, false);
        }
        catch (JsonException e)
        {
            return (Reject(item.Location, source, RejectReasons.MalformedRecord, $"{item.Location}: not a valid drp record: {e.Message}"), true);
        }
    }

    /// <summary>The text of the first usual field for <paramref name="target"/> that the record has.</summary>
    public static string? FirstText(JsonElement record, string target)
    {
        foreach (var path in FieldMap.UsualPaths(target))
        {
            if (AsText(path.Resolve(record).Value) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static bool IsDrpRecord(JsonElement value) =>
        value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && ((value.TryGetProperty("trace", out var trace) && trace.ValueKind == JsonValueKind.Object)
            || (value.TryGetProperty("rejected", out var rejected) && rejected.ValueKind == JsonValueKind.Object));

    private static DrpRecord MapForeign(string location, JsonElement value, string source, LoadOptions options)
    {
        var (question, questionError) = FieldText(value, "question", options.Map);
        var (traceText, traceError) = FieldText(value, "trace", options.Map);
        var (goldText, goldError) = FieldText(value, "gold", options.Map);
        var (idText, _) = FieldText(value, "id", options.Map);
        var (model, _) = FieldText(value, "model", options.Map);

        var gold = goldText is null ? null : GoldAnswer.Normalize(goldText);
        if (gold is null && question is not null)
        {
            gold = options.Gold?.Find(question);
        }

        var trace = traceText is null ? null : TraceParser.Parse(traceText, model, options.ThinkTags);
        var record = new DrpRecord
        {
            Id = idText ?? ContentId(question, traceText),
            Source = source,
            Question = question,
            Gold = gold,
            Trace = trace,
        };

        var rejection = (question, trace) switch
        {
            (null, _) => Rejection(RejectReasons.MissingQuestion, $"{location}: {questionError}"),
            (_, null) => Rejection(RejectReasons.MissingTrace, $"{location}: {traceError}"),
            (_, { Complete: false }) => Rejection(RejectReasons.IncompleteTrace,
                $"{location}: no </think> in the trace ({traceText!.Length} characters): the generation was probably cut off"),
            (_, { Reasoning.Length: 0 }) => Rejection(RejectReasons.EmptyReasoning, $"{location}: no reasoning before </think>"),
            _ when options.RequireGold && gold is null => Rejection(RejectReasons.MissingGold,
                $"{location}: {goldError}{(options.Gold is null ? ", or join a benchmark's answers by question with --gold FILE" : ", and the question is not in the --gold file")}"),
            _ => null,
        };

        return rejection is null ? record : record with { Rejected = rejection };
    }

    /// <summary>The text of a field: where the map says, else in the usual fields or a chat; with why there is none.</summary>
    public static (string? Text, string? Error) FieldText(JsonElement value, string target, FieldMap map)
    {
        if (map.Given(target) is { } path)
        {
            var (found, error) = path.Resolve(value);
            if (error is not null)
            {
                return (null, $"--map {target}={path}: {error}");
            }

            return AsText(found) is { } text ? (text, null) : (null, $"--map {target}={path}: {Describe(found)}");
        }

        return (FirstText(value, target) ?? ChatLayout.Find(value, target)) is { } usual
            ? (usual, null)
            : (null, $"no {target} field (tried {string.Join(", ", FieldMap.UsualPaths(target))}"
                     + $"{(target is "question" or "trace" ? ", and a chat with one user and one assistant turn" : "")}; name it with --map {target}=PATH)");
    }

    private static string? AsText(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString() is { Length: > 0 } s ? s : null,
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        { ValueKind: JsonValueKind.Array } e when e.GetArrayLength() > 0 => AsText(e[0]),
        _ => null,
    };

    private static string Describe(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => "empty text",
        JsonValueKind.Null or null => "null",
        JsonValueKind.Object => "an object, not text",
        JsonValueKind.Array => "an empty array",
        var kind => $"a {kind.ToString()!.ToLowerInvariant()}, not text",
    };

    private static Rejection Rejection(string reason, string detail) => new(LoadStage, reason, detail);

    private static DrpRecord Reject(string location, string source, string reason, string detail) =>
        new() { Id = location, Source = source, Rejected = Rejection(reason, detail) };

    /// <summary>A stable id for records that carry none: a hash of their question and trace.</summary>
    public static string ContentId(string? question, string? trace)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{question}\u0000{trace}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
