using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Drp.Core.Model;

namespace Drp.Core.Io;

/// <summary>The one JSON shape of drp's files: snake_case, nulls left out, <c>&lt;think&gt;</c> written as is.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(DrpRecord))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(StageUsage))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DrpJsonContext : JsonSerializerContext;

public static class DrpJson
{
    /// <summary>Compact, one record per line, non-ASCII and HTML characters unescaped.</summary>
    public static readonly JsonSerializerOptions Line = new(DrpJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Indented, for files people read (summary.json, dataset_info.json).</summary>
    public static readonly JsonSerializerOptions Indented = new(Line) { WriteIndented = true };

    public static JsonTypeInfo<T> TypeInfo<T>(bool indented = false) =>
        (JsonTypeInfo<T>)(indented ? Indented : Line).GetTypeInfo(typeof(T));

    public static string Serialize(DrpRecord record) => JsonSerializer.Serialize(record, TypeInfo<DrpRecord>());

    /// <summary>The record's line in UTF-8, as a file gets it (no detour through a string).</summary>
    public static byte[] SerializeUtf8(DrpRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, TypeInfo<DrpRecord>());

    public static string SerializeSummary(RunSummary summary) => JsonSerializer.Serialize(summary, TypeInfo<RunSummary>(indented: true));
}
