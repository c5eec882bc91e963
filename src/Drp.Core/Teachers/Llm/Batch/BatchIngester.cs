using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>
/// Takes a finished batch's results in: each answer into the response cache, each failed request (an error line,
/// or no line at all in a batch that expired, failed or was cancelled) into the log with its reason.
/// </summary>
public sealed class BatchIngester(OpenAiBatches endpoint, ResponseCache cache, BatchLog log)
{
    public async Task<(int Answers, int Failures)> IngestAsync(BatchPartState part, BatchInfo batch, CancellationToken cancellationToken)
    {
        var requests = ReadKeys(Path.Combine(log.Directory, part.Name + ".keys"));
        var usage = new UsageMeter();
        var (answers, failures) = (0, 0);
        foreach (var (fileId, suffix) in new[] { (batch.OutputFileId, "output"), (batch.ErrorFileId, "errors") })
        {
            if (fileId is null)
            {
                continue;
            }

            var path = Path.Combine(log.Directory, $"{part.Name}.{suffix}.jsonl");
            await endpoint.DownloadAsync(fileId, path, cancellationToken);
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line) || Read(line) is not var (customId, answer, reason) || !requests.Remove(customId, out var request))
                {
                    continue;
                }

                if (answer is not null)
                {
                    await cache.WriteAsync(request.Key, answer);
                    usage.Add(request.Stage, answer.Usage, fromCache: false);
                    answers++;
                }
                else
                {
                    log.RequestFailed(part.Name, request.Key, reason!);
                    failures++;
                }
            }
        }

        foreach (var (_, request) in requests)
        {
            log.RequestFailed(part.Name, request.Key, $"no result in batch {batch.Id}, which ended {batch.Status}{(batch.Errors is null ? "" : $" ({batch.Errors})")}");
            failures++;
        }

        log.Ingested(part.Name, answers, failures, usage.Snapshot());
        return (answers, failures);
    }

    /// <summary>custom id -> (cache key, stage), from the file written beside the batch input.</summary>
    private static Dictionary<string, (string Key, string Stage)> ReadKeys(string path)
    {
        var requests = new Dictionary<string, (string Key, string Stage)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length == 3)
            {
                requests[fields[0]] = (fields[1], fields[2]);
            }
        }

        return requests;
    }

    /// <summary>One result line: its custom id, and the answer or why there is none; null when it cannot be read at all.</summary>
    private static (string CustomId, ChatAnswer? Answer, string? Reason)? Read(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var customId = root.GetProperty("custom_id").GetString()!;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (customId, null, $"{Text(error, "code")}: {Text(error, "message")}");
            }

            var response = root.GetProperty("response");
            var status = response.GetProperty("status_code").GetInt32();
            var body = response.GetProperty("body");
            if (status != 200)
            {
                var message = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? Text(e, "message") : body.GetRawText();
                return (customId, null, $"status {status}: {message}");
            }

            var completion = ModelReaderWriter.Read<ChatCompletion>(BinaryData.FromString(body.GetRawText()))!;
            // The library's own conversion (marked for evaluation; pinned, and covered by the batch tests), so an answer
            // from a batch reads exactly as one from the endpoint.
#pragma warning disable OPENAI001
            return (customId, ChatAnswer.Of(completion.AsChatResponse()), null);
#pragma warning restore OPENAI001
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return TryCustomId(line) is { } id ? (id, null, $"unreadable result: {e.Message.Split('\n')[0]}") : null;
        }
    }

    private static string? TryCustomId(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.TryGetProperty("custom_id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
