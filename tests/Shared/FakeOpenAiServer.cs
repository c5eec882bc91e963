using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Drp.Tests;

/// <summary>What the fake server saw of one request.</summary>
public sealed record FakeRequest(int Number, string Prompt, int MaxTokens, bool Structured, string? Authorization);

/// <summary>How the fake server answers one request: a status, headers, a body, a delay, or a cut connection.</summary>
public sealed record FakeResponse(int Status = 200, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, int DelayMs = 0, bool Abort = false)
{
    public static FakeResponse Answer(string content, string finishReason = "stop") => new(Body: FakeOpenAiServer.Completion(content, finishReason));
}

/// <summary>
/// A real OpenAI-compatible HTTP server on 127.0.0.1 (Kestrel, port chosen by the system), answering
/// <c>/v1/chat/completions</c> as a script says: by default as a simple, correct DRP teacher. It also runs
/// batches (<c>/v1/files</c>, <c>/v1/batches</c>), answering each line as the same script says.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private Func<FakeRequest, FakeResponse> script = null!;
    private int count;
    private int inFlight;
    private int maxInFlight;

    private FakeOpenAiServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public int RequestCount => Volatile.Read(ref count);

    /// <summary>The most requests that were being answered at once.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeOpenAiServer> StartAsync(Func<FakeRequest, FakeResponse>? script = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        script ??= request => FakeResponse.Answer(Teach(request.Prompt));
        server.script = script;
        server.MapBatches(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var now = Interlocked.Increment(ref server.inFlight);
            InterlockedMax(ref server.maxInFlight, now);
            try
            {
                await server.HandleAsync(context, script);
            }
            finally
            {
                Interlocked.Decrement(ref server.inFlight);
            }
        });
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First() + "/v1");
        return server;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private async Task HandleAsync(HttpContext context, Func<FakeRequest, FakeResponse> script)
    {
        {
            var server = this;
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
            var request = new FakeRequest(
                Interlocked.Increment(ref server.count),
                body["messages"]![0]!["content"]!.GetValue<string>(),
                (body["max_completion_tokens"] ?? body["max_tokens"])?.GetValue<int>() ?? 0,
                body["response_format"] is not null,
                context.Request.Headers.Authorization.ToString());
            server.Requests.Enqueue(request);
            var response = script(request);
            if (response.DelayMs > 0)
            {
                await Task.Delay(response.DelayMs, context.RequestAborted).ContinueWith(_ => { });
            }

            if (response.Abort)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body ?? """{"error": {"message": "scripted failure", "type": "server_error"}}""");
        }
    }

    /// <summary>A chat completion body.</summary>
    public static string Completion(string content, string finishReason = "stop") => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = 100,
            ["completion_tokens"] = 50,
            ["total_tokens"] = 150,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 20 },
        },
    }.ToJsonString();

    /// <summary>
    /// A simple, correct teacher: decomposes into one step per sentence or paragraph, and prunes to the steps that
    /// compute, ending "The answer is" with the last number of the last step.
    /// </summary>
    public static string Teach(string prompt)
    {
        if (prompt.Contains("\nReasoning:\n", StringComparison.Ordinal))
        {
            var reasoning = prompt[(prompt.LastIndexOf("\nReasoning:\n", StringComparison.Ordinal) + 12)..];
            var sentences = Sentence().Split(reasoning).Select(s => s.Trim()).Where(s => s.Length > 0);
            return string.Concat(sentences.Select((s, i) => $"Step {i + 1}: {s}\nSkill: {(s.Contains('=') ? "arithmetic" : "logical inference")}\n"));
        }

        var steps = StepLine().Matches(prompt).Select(m => (N: int.Parse(m.Groups[1].Value), Text: m.Groups[2].Value)).ToList();
        var kept = steps.Where(s => s.Text.Contains('=')).ToList();
        var answer = Number().Matches(steps[^1].Text).LastOrDefault()?.Value ?? "0";
        var actions = string.Concat(steps.Select(s => $"Step {s.N}: {(kept.Contains(s) ? "KEEP" : "DELETE")}\n"));
        return $"Actions:\n{actions}\n## {string.Join(" ", kept.Select(s => s.Text))} The answer is {answer}.";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // A step ends with its sentence or paragraph; a line break inside a sentence stays in the step.
    [GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^Step (\d+) \([^)]*\): (.*?)(?=\nStep \d+ \(|\s*\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
