using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Drp.Core.Io;
using OpenAI;
using OpenAI.Batch;
using OpenAI.Files;

#pragma warning disable OPENAI001 // The SDK marks its Batch client experimental.

namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>A batch as the endpoint reports it.</summary>
public sealed record BatchInfo(string Id, string Status, string? OutputFileId, string? ErrorFileId, string? Errors)
{
    /// <summary>Requests done (answered or failed) and in all, as the endpoint counts them.</summary>
    public (int Done, int Total) Progress { get; init; }

    /// <summary>No further change will come: its files (if any) can be downloaded.</summary>
    public bool IsFinal => Status is "completed" or "expired" or "failed" or "cancelled";
}

/// <summary>The OpenAI Files and Batches endpoints through the official SDK: upload, create, find, poll, download.</summary>
public sealed class OpenAiBatches
{
    private const string CompletionWindow = "24h";
    private readonly BatchClient batches;
    private readonly OpenAIFileClient files;

    public OpenAiBatches(OpenAiSettings settings)
    {
        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey), settings.ClientOptions());
        batches = client.GetBatchClient();
        files = client.GetOpenAIFileClient();
    }

    /// <returns>The uploaded file's id.</returns>
    public Task<string> UploadAsync(string path, CancellationToken cancellationToken) => Call($"uploading {Path.GetFileName(path)}", async () =>
    {
        await using var stream = File.OpenRead(path);
        OpenAIFile file = await files.UploadFileAsync(stream, Path.GetFileName(path), FileUploadPurpose.Batch, cancellationToken);
        return file.Id;
    });

    /// <returns>The created batch's id.</returns>
    public Task<string> CreateAsync(string inputFileId, string part, CancellationToken cancellationToken) => Call($"creating the batch of {part}", async () =>
    {
        var body = new Dictionary<string, object>
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = BatchRequestLine.Url,
            ["completion_window"] = CompletionWindow,
            ["metadata"] = new Dictionary<string, string> { ["drp_part"] = part },
        };
        var operation = await batches.CreateBatchAsync(BinaryContent.Create(BinaryData.FromObjectAsJson(body)), waitUntilCompleted: false, Options(cancellationToken));
        return operation.BatchId;
    });

    /// <summary>The batch already made from an input file (by a run killed before it could record the batch's id), if any.</summary>
    public Task<string?> FindForFileAsync(string inputFileId, CancellationToken cancellationToken) => Call("listing batches", async () =>
    {
        var pages = 0;
        await foreach (var page in batches.GetBatchesAsync(after: null, limit: 100, Options(cancellationToken)).GetRawPagesAsync())
        {
            using var json = JsonDocument.Parse(page.GetRawResponse().Content);
            foreach (var batch in json.RootElement.GetProperty("data").EnumerateArray())
            {
                if (batch.TryGetProperty("input_file_id", out var file) && file.GetString() == inputFileId)
                {
                    return batch.GetProperty("id").GetString();
                }
            }

            if (++pages == 20)
            {
                break;
            }
        }

        return (string?)null;
    });

    public Task<BatchInfo> GetAsync(string batchId, CancellationToken cancellationToken) => Call($"looking at batch {batchId}", async () =>
    {
        var result = await batches.GetBatchAsync(batchId, Options(cancellationToken));
        using var json = JsonDocument.Parse(result.GetRawResponse().Content);
        var batch = json.RootElement;
        string? Text(string name) => batch.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        string? errors = null;
        if (batch.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out var data))
        {
            errors = string.Join("; ", data.EnumerateArray().Select(d => d.TryGetProperty("message", out var m) ? m.GetString() : d.ToString()));
        }

        var progress = (0, 0);
        if (batch.TryGetProperty("request_counts", out var counts) && counts.ValueKind == JsonValueKind.Object)
        {
            int Count(string name) => counts.TryGetProperty(name, out var n) && n.TryGetInt32(out var value) ? value : 0;
            progress = (Count("completed") + Count("failed"), Count("total"));
        }

        return new BatchInfo(batchId, Text("status") ?? "unknown", Text("output_file_id"), Text("error_file_id"), errors) { Progress = progress };
    });

    /// <summary>Streams a file's content to a local file (written whole or not at all).</summary>
    public Task DownloadAsync(string fileId, string path, CancellationToken cancellationToken) => Call($"downloading {fileId}", async () =>
    {
        var options = Options(cancellationToken);
        options.BufferResponse = false;
        var result = await files.DownloadFileAsync(fileId, options);
        var temporary = path + ".part";
        await using (var target = File.Create(temporary))
        {
            await result.GetRawResponse().ContentStream!.CopyToAsync(target, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return true;
    });

    private static RequestOptions Options(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };

    /// <summary>
    /// A Files or Batches call that fails after the SDK's retries stops the run (exit code 3): without these
    /// endpoints there is no batch run. Everything so far is in DIR/batches/log.jsonl, so the run can be resumed.
    /// </summary>
    private static async Task<T> Call<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ClientResultException e)
        {
            var answer = e.Status switch
            {
                0 => "no answer from the endpoint",
                404 => "the endpoint answered 404 (does it have the Files and Batches API?)",
                _ => $"the endpoint answered {e.Status}",
            };
            throw new TeacherUnavailableException($"{what}: {answer}: {e.Message.Split('\n')[0].Trim()}; drp run --resume DIR continues");
        }
        catch (HttpRequestException e)
        {
            throw new TeacherUnavailableException($"{what}: no answer from the endpoint: {e.Message}; drp run --resume DIR continues");
        }
    }
}
