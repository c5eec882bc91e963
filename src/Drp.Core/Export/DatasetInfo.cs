using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;

namespace Drp.Core.Export;

/// <summary>LLaMA-Factory <c>dataset_info.json</c> entries that match drp's files, so <c>llamafactory-cli train</c> takes them as they are.</summary>
public static class DatasetInfo
{
    public static JsonObject Entry(string format, string fileName, bool hasSystem)
    {
        var entry = new JsonObject { ["file_name"] = fileName };
        switch (format)
        {
            case ExportFormat.SftJsonl:
                entry["columns"] = Columns(hasSystem, ("prompt", "instruction"), ("query", "input"), ("response", "output"));
                break;
            case ExportFormat.ShareGpt:
                entry["formatting"] = "sharegpt";
                entry["columns"] = Columns(hasSystem, ("messages", "conversations"));
                break;
            case ExportFormat.Messages:
                entry["formatting"] = "sharegpt";
                entry["columns"] = Columns(false, ("messages", "messages"));
                entry["tags"] = new JsonObject
                {
                    ["role_tag"] = "role",
                    ["content_tag"] = "content",
                    ["user_tag"] = "user",
                    ["assistant_tag"] = "assistant",
                    ["system_tag"] = "system",
                };
                break;
            case ExportFormat.PromptCompletion:
                entry["columns"] = Columns(false, ("prompt", "prompt"), ("response", "completion"));
                break;
            default:
                throw new ArgumentException($"unknown format '{format}'");
        }

        return entry;
    }

    /// <summary>Writes the entries into <paramref name="path"/>, keeping the other datasets an existing file lists.</summary>
    /// <exception cref="InputException">The existing file is not a JSON object.</exception>
    public static async Task MergeAsync(string path, IReadOnlyList<(string Name, JsonObject Entry)> entries)
    {
        var root = new JsonObject();
        if (File.Exists(path))
        {
            try
            {
                root = JsonNode.Parse(await File.ReadAllTextAsync(path)) as JsonObject
                    ?? throw new InputException($"{path}: not a JSON object, so no dataset entries can be merged into it");
            }
            catch (JsonException e)
            {
                throw new InputException($"{path}: not valid JSON at {JsonErrors.At(e)}, so no dataset entries can be merged into it");
            }
        }

        foreach (var (name, entry) in entries)
        {
            root[name] = entry;
        }

        await AtomicFile.WriteAllTextAsync(path, root.ToJsonString(DrpJson.Indented) + "\n");
    }

    private static JsonObject Columns(bool hasSystem, params (string Key, string Column)[] columns)
    {
        var result = new JsonObject();
        foreach (var (key, column) in columns)
        {
            result[key] = column;
        }

        if (hasSystem)
        {
            result["system"] = "system";
        }

        return result;
    }
}
