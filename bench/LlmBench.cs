using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// <c>drp run --teacher openai</c> over the 243 QwQ GSM8K records against a local OpenAI-compatible server that
/// answers after 100 ms and fails 5% of first attempts with 429 (retry-after-ms 200), 2% with 500 and 2% with a
/// malformed body: wall time against the ideal, a rerun that must send nothing, and three SIGKILLs with restarts
/// whose outputs must equal the uninterrupted run's.
/// </summary>
public static class LlmBench
{
    private const int Concurrency = 16;
    private const int LatencyMs = 100;
    private const int Runs = 3;

    /// <summary>
    /// How long after the server answered a request drp may still be storing the answer when it is killed (and how
    /// long after a kill the server may still be taking a request sent before it).
    /// </summary>
    private const int InFlightSlackMs = 50;

    public static async Task RunAsync(string data, TextWriter output)
    {
        var drp = PublishedDrp.Path;
        var input = Path.Combine(data, "traces", "qwq-32b.gsm8k.part1.json");
        var work = Directory.CreateTempSubdirectory("drp-llm-bench-").FullName;
        try
        {
            var faults = new FaultScript();
            await using var server = await FakeOpenAiServer.StartAsync(faults.Answer);
            string[] Args(string dir) =>
            [
                drp, "run", input, "--records", "tasks", "--map", "question=question,gold=correct_answer,trace=model_answers.thinking_model",
                "--out", dir, "--teacher", "openai", "--base-url", server.BaseUrl.ToString(), "--concurrency", Concurrency.ToString(CultureInfo.InvariantCulture), "-q",
            ];

            // The server is warmed up first (its own first requests compile Kestrel's code), then forgets them.
            await WarmUpAsync(server);

            // Three fresh runs, each against a server that has forgotten the one before (the machine is shared and
            // noisy: the median is the figure); their outputs must be equal.
            var c = CultureInfo.InvariantCulture;
            output.WriteLine($"LLM teacher against a local server (100 ms answers; first attempts fail: 5% 429 retry-after-ms 200, 2% 500, 2% malformed), --concurrency {Concurrency}:");
            var walls = new List<double>();
            var ideal = 0.0;
            for (var run = 1; run <= Runs; run++)
            {
                faults.Reset();
                var sentBefore = server.RequestCount;
                var clock = Stopwatch.StartNew();
                var startedAt = faults.Elapsed;
                var exit = await RunProcess(Args(Path.Combine(work, $"a{run}")), kill: null);
                var wall = clock.Elapsed.TotalSeconds;
                walls.Add(wall);
                var prompts = faults.DistinctPrompts;
                ideal = prompts * LatencyMs / 1000.0 / Concurrency;
                output.WriteLine(string.Create(c, $"  run {run}: exit {exit}, {prompts} distinct requests, {server.RequestCount - sentBefore} sent with retries ({faults.Faults} faults), at most {server.MaxInFlight} in flight, wall {wall:F2} s, ideal {ideal:F2} s, ratio {wall / ideal:F2} (process start included; requests from {faults.FirstSeconds - startedAt:F2} s to {faults.LastSeconds - startedAt:F2} s)"));
            }

            var median = walls.Order().ElementAt(Runs / 2);
            var runsEqual = Enumerable.Range(2, Runs - 1).All(run => SameOutputs(Path.Combine(work, "a1"), Path.Combine(work, $"a{run}")));
            output.WriteLine(string.Create(c, $"  median wall {median:F2} s, ratio {median / ideal:F2} to the ideal; outputs of the {Runs} runs equal: {runsEqual}"));
            output.WriteLine($"  {Accounting(Path.Combine(work, "a1"))}");

            var before = server.RequestCount;
            var clockRerun = Stopwatch.StartNew();
            var rerun = await RunProcess(Args(Path.Combine(work, "a1")), kill: null);
            output.WriteLine(string.Create(c, $"  rerun over the finished run directory: exit {rerun}, {server.RequestCount - before} requests sent, wall {clockRerun.Elapsed.TotalSeconds:F2} s (all answers from the cache: the run's own cost)"));

            faults.ResetAnswered();
            var killedDir = Path.Combine(work, "b");
            var random = new Random(7);
            var killedAt = new List<double>();
            while (killedAt.Count < 3)
            {
                var exit = await RunProcess(Args(killedDir), kill: TimeSpan.FromMilliseconds(random.Next(300, 1500)), onKill: () => killedAt.Add(faults.Elapsed));
                if (exit != -9)
                {
                    break;
                }
            }

            var last = await RunProcess(Args(killedDir), kill: null);
            var same = SameOutputs(Path.Combine(work, "a1"), killedDir);
            // A request answered again must have been in flight when the process that first got its answer was killed:
            // that kill came at most the latency (plus drp's time to store the answer) after the server took the request.
            // (The server may take a request a few ms after the kill that cut it off: it was sent before.)
            var twice = faults.AnsweredTwice;
            var slack = InFlightSlackMs / 1000.0;
            var unexplained = twice.Count(times => times.Zip(times.Skip(1)).Any(pair =>
                killedAt.Where(kill => kill > pair.First - slack && kill < pair.Second).DefaultIfEmpty(double.MaxValue).Min()
                > pair.First + LatencyMs / 1000.0 + slack));
            output.WriteLine($"  {killedAt.Count} SIGKILLs at random moments, then a restart (exit {last}): outputs equal to the uninterrupted run: {same}; " +
                             $"requests answered more than once: {twice.Count}, of which {unexplained} not in flight at a kill (in flight: sent, or answered at most {InFlightSlackMs} ms before it)");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every input record once in validated.jsonl, either exported (in train.jsonl) or rejected with a reason.</summary>
    private static string Accounting(string run)
    {
        var ids = new List<string>();
        var (exported, rejected, reasonless) = (0, 0, 0);
        foreach (var line in File.ReadLines(Path.Combine(run, "validated.jsonl")))
        {
            var record = JsonNode.Parse(line)!;
            ids.Add(record["id"]!.GetValue<string>());
            if (record["rejected"] is { } rejection)
            {
                rejected++;
                reasonless += rejection["reason"]?.GetValue<string>() is { Length: > 0 } ? 0 : 1;
            }
            else
            {
                exported++;
            }
        }

        var trainLines = File.ReadLines(Path.Combine(run, "train.jsonl")).Count();
        return $"records: {ids.Count} in validated.jsonl ({ids.Distinct().Count()} distinct ids), {exported} exported ({trainLines} lines in train.jsonl), " +
               $"{rejected} rejected ({reasonless} without a reason)";
    }

    private static bool SameOutputs(string one, string other) =>
        new[] { "decomposed.jsonl", "pruned.jsonl", "validated.jsonl", "train.jsonl", "rejects.jsonl" }
            .All(f => File.ReadAllBytes(Path.Combine(one, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, f))));

    private static async Task WarmUpAsync(FakeOpenAiServer server)
    {
        using var http = new HttpClient();
        var body = """{"model": "warm-up", "messages": [{"role": "user", "content": "warm up"}]}""";
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ =>
            http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"))));
    }

    /// <summary>Runs drp; with <paramref name="kill"/>, SIGKILLs it after that long (calling <paramref name="onKill"/> first). Returns the exit code, -9 when killed.</summary>
    internal static async Task<int> RunProcess(string[] args, TimeSpan? kill, Action? onKill = null)
    {
        var start = new ProcessStartInfo("dotnet", args) { RedirectStandardError = true, UseShellExecute = false };
        start.Environment["OPENAI_API_KEY"] = "sk-bench";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        if (kill is { } after && !process.WaitForExit(after))
        {
            onKill?.Invoke();
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return -9;
        }

        await process.WaitForExitAsync();
        var stderr = await errors;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(stderr);
        }

        return process.ExitCode;
    }

    /// <summary>Answers as a correct teacher after 100 ms; the first attempt of a request fails as the prompt's hash decides.</summary>
    private sealed class FaultScript
    {
        private readonly ConcurrentDictionary<string, int> attempts = new();
        private readonly ConcurrentDictionary<string, List<double>> answered = new();
        private int faults;
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public double FirstSeconds { get; private set; } = -1;

        public double LastSeconds { get; private set; }


        public int DistinctPrompts => attempts.Count;

        public double Elapsed => clock.Elapsed.TotalSeconds;

        public int Faults => faults;

        /// <summary>For every request answered more than once, the moments (in order) the server took the attempts it answered.</summary>
        public IReadOnlyList<double[]> AnsweredTwice =>
            answered.Values.Where(times => times.Count > 1).Select(times => times.Order().ToArray()).ToList();

        public void ResetAnswered() => answered.Clear();

        /// <summary>Forgets every request so far.</summary>
        public void Reset()
        {
            attempts.Clear();
            answered.Clear();
            faults = 0;
            FirstSeconds = -1;
        }

        public FakeResponse Answer(FakeRequest request)
        {
            if (FirstSeconds < 0)
            {
                FirstSeconds = clock.Elapsed.TotalSeconds;
            }

            LastSeconds = clock.Elapsed.TotalSeconds;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request.Prompt));
            var key = Convert.ToHexString(hash);
            var attempt = attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
            var roll = hash[0] * 100 / 256;
            if (attempt == 1 && roll < 9)
            {
                Interlocked.Increment(ref faults);
                return roll switch
                {
                    < 5 => new FakeResponse(429, Headers: new Dictionary<string, string> { ["retry-after-ms"] = "200" }, DelayMs: LatencyMs),
                    < 7 => new FakeResponse(500, DelayMs: LatencyMs),
                    _ => new FakeResponse(200, Body: """{"id": "x", "choices": [{"message": {"content": """, DelayMs: LatencyMs),
                };
            }

            var sentAt = clock.Elapsed.TotalSeconds;
            answered.AddOrUpdate(key, _ => [sentAt], (_, times) =>
            {
                lock (times)
                {
                    times.Add(sentAt);
                }

                return times;
            });
            return FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt)) with { DelayMs = LatencyMs };
        }
    }
}
