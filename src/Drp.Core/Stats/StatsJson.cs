using System.Text.Json;
using System.Text.Json.Serialization;
using Drp.Core.Io;

namespace Drp.Core.Stats;

/// <summary><c>drp stats --format json</c>: the figures per set in drp's JSON shape (<see cref="DrpJson"/>), indented.</summary>
public static class StatsJson
{
    private static readonly JsonSerializerOptions Options = new(DrpJson.Indented) { TypeInfoResolver = StatsJsonContext.Default };

    public static string Serialize(List<SetStats> stats) => JsonSerializer.Serialize(stats, Options);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(List<SetStats>))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
