using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Drp.Core.Model;

/// <summary>
/// Writes a value's JSON once and copies it after that: a record's trace and steps are the same objects in the
/// decomposed, pruned and validated lines of a run, and its pruned trace in the last two; they are most of the
/// lines' bytes. Read as usual. The copy is kept as long as the value lives.
/// </summary>
public abstract class SharedJsonConverter<T> : JsonConverter<T>
    where T : class
{
    private static readonly ConditionalWeakTable<T, byte[]> Written = new();

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (options.WriteIndented)
        {
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            return;
        }

        if (!Written.TryGetValue(value, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            Written.AddOrUpdate(value, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
    }
}

public sealed class SharedTraceJson : SharedJsonConverter<Trace>;

public sealed class SharedStepsJson : SharedJsonConverter<IReadOnlyList<Step>>;

public sealed class SharedPrunedJson : SharedJsonConverter<PrunedTrace>;
