using System.Text.Json.Nodes;
using Drp.Core.Io;

namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>One line of an OpenAI Batch input file: a chat completion request under a custom id.</summary>
public static class BatchRequestLine
{
    public const string Url = "/v1/chat/completions";

    /// <summary>A request's name in a batch: its record, stage and prompt version.</summary>
    public static string CustomId(string recordId, string stage, string promptVersion) => $"{recordId}:{stage}:{promptVersion}";

    public static string Format(string customId, string model, ChatRequest request)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["temperature"] = 0,
            ["max_completion_tokens"] = request.MaxOutputTokens,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt }),
        };
        if (request.Schema is not null)
        {
            body["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = request.SchemaName, ["strict"] = true, ["schema"] = JsonNode.Parse(request.Schema) },
            };
        }

        return new JsonObject { ["custom_id"] = customId, ["method"] = "POST", ["url"] = Url, ["body"] = body }.ToJsonString(DrpJson.Line);
    }
}
