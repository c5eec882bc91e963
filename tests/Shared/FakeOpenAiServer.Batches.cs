using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Drp.Tests;

/// <summary>How a fake batch ends.</summary>
public enum FakeBatchEnding
{
    /// <summary>Every line answered, answers in the output file and failures in the error file.</summary>
    Completed,

    /// <summary>The completion window passed half done: half the lines answered, the rest <c>batch_expired</c> in the error file.</summary>
    ExpiredHalfDone,

    /// <summary>Completed, but every line failed: no output file, every result in the error file.</summary>
    AllInErrorFile,
}

/// <summary>A batch the fake server holds.</summary>
public sealed record FakeBatch(string Id, string InputFileId, int Number, long CreatedAt)
{
    public string Status { get; set; } = "validating";

    public int Polls { get; set; }

    public string? OutputFileId { get; set; }

    public string? ErrorFileId { get; set; }

    public int Total { get; set; }

    public int Completed { get; set; }

    public int Failed { get; set; }
}

public sealed partial class FakeOpenAiServer
{
    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly ConcurrentDictionary<string, FakeBatch> batches = new();
    private int fileCount;
    private int batchCount;
    private int pollCount;

    /// <summary>Every batch created, in order.</summary>
    public IReadOnlyList<FakeBatch> Batches => [.. batches.Values.OrderBy(b => b.Number)];

    /// <summary>Looks at a batch's status so far (GET /v1/batches/{id}).</summary>
    public int PollCount => Volatile.Read(ref pollCount);

    /// <summary>Files uploaded, by id.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => files;

    /// <summary>How many looks a batch takes to finish (validating, in_progress, then its ending).</summary>
    public int PollsToFinish { get; set; } = 2;

    /// <summary>How the batch with the given number (1, 2, …) ends.</summary>
    public Func<int, FakeBatchEnding> BatchEnding { get; set; } = _ => FakeBatchEnding.Completed;

    private void MapBatches(WebApplication app)
    {
        app.MapPost("/v1/files", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files["file"]!;
            using var content = new MemoryStream();
            await file.CopyToAsync(content);
            var id = AddFile(content.ToArray());
            return Results.Json(new JsonObject
            {
                ["id"] = id, ["object"] = "file", ["bytes"] = content.Length, ["created_at"] = 1_700_000_000, ["filename"] = file.FileName,
                ["purpose"] = form["purpose"].ToString(), ["status"] = "processed",
            });
        });
        app.MapGet("/v1/files/{id}/content", (string id) =>
            files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "application/jsonl") : Results.NotFound());
        app.MapPost("/v1/batches", async (HttpContext context) =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
            var number = Interlocked.Increment(ref batchCount);
            var batch = new FakeBatch($"batch_{number}", body["input_file_id"]!.GetValue<string>(), number, 1_700_000_000 + number);
            batches[batch.Id] = batch;
            return Results.Json(BatchObject(batch));
        });
        app.MapGet("/v1/batches/{id}", (string id) =>
        {
            if (!batches.TryGetValue(id, out var batch))
            {
                return Results.NotFound();
            }

            Interlocked.Increment(ref pollCount);
            lock (batch)
            {
                batch.Polls++;
                if (batch.Polls >= PollsToFinish && batch.Status is "validating" or "in_progress")
                {
                    Finish(batch);
                }
                else if (batch.Status == "validating")
                {
                    batch.Status = "in_progress";
                }

                return Results.Json(BatchObject(batch));
            }
        });
        app.MapGet("/v1/batches", () =>
        {
            var data = new JsonArray([.. batches.Values.OrderByDescending(b => b.Number).Select(BatchObject)]);
            return Results.Json(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false });
        });
    }

    private string AddFile(byte[] content)
    {
        var id = $"file-{Interlocked.Increment(ref fileCount)}";
        files[id] = content;
        return id;
    }

    /// <summary>Answers every line of the batch's input through the chat script, and ends it as scripted.</summary>
    private void Finish(FakeBatch batch)
    {
        var ending = BatchEnding(batch.Number);
        var lines = Encoding.UTF8.GetString(files[batch.InputFileId]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (output, errors) = (new StringBuilder(), new StringBuilder());
        for (var i = 0; i < lines.Length; i++)
        {
            var line = JsonNode.Parse(lines[i])!;
            var customId = line["custom_id"]!.GetValue<string>();
            if (ending == FakeBatchEnding.ExpiredHalfDone && i >= lines.Length / 2)
            {
                errors.Append(new JsonObject
                {
                    ["id"] = $"batch_req_{i}", ["custom_id"] = customId, ["response"] = null,
                    ["error"] = new JsonObject { ["code"] = "batch_expired", ["message"] = "This request could not be executed before the completion window expired." },
                }.ToJsonString()).Append('\n');
                batch.Failed++;
                continue;
            }

            var body = line["body"]!;
            var request = new FakeRequest(
                Interlocked.Increment(ref count),
                body["messages"]![0]!["content"]!.GetValue<string>(),
                body["max_completion_tokens"]?.GetValue<int>() ?? 0,
                body["response_format"] is not null,
                null);
            Requests.Enqueue(request);
            var response = ending == FakeBatchEnding.AllInErrorFile ? new FakeResponse(500) : script(request);
            var answered = response.Status == 200 && !response.Abort && TryParse(response.Body) is { } parsed;
            var result = new JsonObject
            {
                ["id"] = $"batch_req_{i}",
                ["custom_id"] = customId,
                ["response"] = new JsonObject
                {
                    ["status_code"] = answered ? 200 : response.Status == 200 ? 500 : response.Status,
                    ["request_id"] = $"req_{i}",
                    ["body"] = answered ? TryParse(response.Body) : JsonNode.Parse("""{"error": {"message": "scripted failure", "type": "server_error"}}"""),
                },
                ["error"] = null,
            };
            (answered ? output : errors).Append(result.ToJsonString()).Append('\n');
            if (answered)
            {
                batch.Completed++;
            }
            else
            {
                batch.Failed++;
            }
        }

        batch.Total = lines.Length;
        batch.OutputFileId = output.Length > 0 ? AddFile(Encoding.UTF8.GetBytes(output.ToString())) : null;
        batch.ErrorFileId = errors.Length > 0 ? AddFile(Encoding.UTF8.GetBytes(errors.ToString())) : null;
        batch.Status = ending == FakeBatchEnding.ExpiredHalfDone ? "expired" : "completed";
    }

    private static JsonNode? TryParse(string? body)
    {
        try
        {
            return body is null ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject BatchObject(FakeBatch batch) => new()
    {
        ["id"] = batch.Id,
        ["object"] = "batch",
        ["endpoint"] = "/v1/chat/completions",
        ["errors"] = null,
        ["input_file_id"] = batch.InputFileId,
        ["completion_window"] = "24h",
        ["status"] = batch.Status,
        ["output_file_id"] = batch.OutputFileId,
        ["error_file_id"] = batch.ErrorFileId,
        ["created_at"] = batch.CreatedAt,
        ["request_counts"] = new JsonObject { ["total"] = batch.Total, ["completed"] = batch.Completed, ["failed"] = batch.Failed },
        ["metadata"] = new JsonObject(),
    };
}
