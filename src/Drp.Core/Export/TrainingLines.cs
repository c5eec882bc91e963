using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Drp.Core.Export;

/// <summary>Writes a training example as one JSONL line of a format, and reads such lines back.</summary>
public static class TrainingLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(TrainingExample example, string format, string? system = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(example.Reasoning.Length + example.Question.Length + 256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            switch (format)
            {
                case ExportFormat.SftJsonl:
                    json.WriteString("instruction", example.Question);
                    json.WriteString("input", "");
                    json.WriteString("output", example.AssistantTurn);
                    WriteIfPresent(json, "system", system);
                    break;
                case ExportFormat.ShareGpt:
                    json.WriteStartArray("conversations");
                    Turn(json, "from", "human", "value", example.Question);
                    Turn(json, "from", "gpt", "value", example.AssistantTurn);
                    json.WriteEndArray();
                    WriteIfPresent(json, "system", system);
                    break;
                case ExportFormat.Messages:
                    json.WriteStartArray("messages");
                    Chat(json, example, system);
                    json.WriteEndArray();
                    break;
                case ExportFormat.PromptCompletion when system is null:
                    json.WriteString("prompt", example.Question);
                    json.WriteString("completion", example.AssistantTurn);
                    break;
                case ExportFormat.PromptCompletion:
                    // TRL's conversational prompt-completion: the system turn goes with the prompt.
                    json.WriteStartArray("prompt");
                    Turn(json, "role", "system", "content", system);
                    Turn(json, "role", "user", "content", example.Question);
                    json.WriteEndArray();
                    json.WriteStartArray("completion");
                    Turn(json, "role", "assistant", "content", example.AssistantTurn);
                    json.WriteEndArray();
                    break;
                default:
                    throw new ArgumentException($"--format: unknown format '{format}' (known: {string.Join(", ", ExportFormat.All)})");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The question, system turn and assistant turn of a line in any of drp's formats.</summary>
    /// <exception cref="FormatException">The line is not in the format.</exception>
    public static (string Question, string? System, string Assistant) Read(string line, string format)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string? system = root.TryGetProperty("system", out var s) ? s.GetString() : null;
        return format switch
        {
            ExportFormat.SftJsonl => (root.GetProperty("instruction").GetString()!, system, root.GetProperty("output").GetString()!),
            ExportFormat.ShareGpt => (Value(root, "conversations", "from", "human", "value")!, system, Value(root, "conversations", "from", "gpt", "value")!),
            ExportFormat.Messages => (Value(root, "messages", "role", "user", "content")!, Value(root, "messages", "role", "system", "content"),
                Value(root, "messages", "role", "assistant", "content")!),
            ExportFormat.PromptCompletion when root.GetProperty("prompt").ValueKind == JsonValueKind.String =>
                (root.GetProperty("prompt").GetString()!, null, root.GetProperty("completion").GetString()!),
            ExportFormat.PromptCompletion => (Value(root, "prompt", "role", "user", "content")!, Value(root, "prompt", "role", "system", "content"),
                Value(root, "completion", "role", "assistant", "content")!),
            _ => throw new FormatException($"unknown format '{format}'"),
        };
    }

    /// <summary>Splits an assistant turn into its reasoning and final answer.</summary>
    public static (string Reasoning, string Answer) SplitAssistant(string assistant)
    {
        const string open = "<think>\n";
        const string close = "\n</think>\n\n";
        var end = assistant.IndexOf(close, StringComparison.Ordinal);
        if (!assistant.StartsWith(open, StringComparison.Ordinal) || end < 0)
        {
            throw new FormatException("the assistant turn is not <think>\\n…\\n</think>\\n\\n…");
        }

        return (assistant[open.Length..end], assistant[(end + close.Length)..]);
    }

    private static void Chat(Utf8JsonWriter json, TrainingExample example, string? system)
    {
        if (system is not null)
        {
            Turn(json, "role", "system", "content", system);
        }

        Turn(json, "role", "user", "content", example.Question);
        Turn(json, "role", "assistant", "content", example.AssistantTurn);
    }

    private static void Turn(Utf8JsonWriter json, string roleKey, string role, string contentKey, string content)
    {
        json.WriteStartObject();
        json.WriteString(roleKey, role);
        json.WriteString(contentKey, content);
        json.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? Value(JsonElement root, string array, string roleKey, string role, string contentKey) =>
        root.GetProperty(array).EnumerateArray().Where(t => t.GetProperty(roleKey).GetString() == role)
            .Select(t => t.GetProperty(contentKey).GetString()).FirstOrDefault();
}
