using Drp.Bench;
using Drp.Tests;
using Drp.Core.Tokens;

// The benchmark harness over ../shared/data: dotnet run --project bench -c Release -- [teacher|integrity|faithfulness|grading|anchors|llm|habits|throughput|decontamination|parquet|tokens|grade|phases|all] [--data DIR] [--records 10000,100000]
var mode = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
var dataIndex = Array.IndexOf(args, "--data");
var data = dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : TestPaths.SharedData;
if (data is null || !Directory.Exists(Path.Combine(data, "traces")))
{
    Console.Error.WriteLine("bench: no ../shared/data/traces found; pass --data DIR");
    return 2;
}

var qwen = Path.Combine(data, "tokenizers", "qwen2");
var tokens = TokenCounters.Create(Directory.Exists(qwen) ? qwen : TokenCounters.Default);
if (mode is "teacher" or "all")
{
    TeacherBench.Print(await TeacherBench.RunAsync(data, tokens), tokens.Name, Console.Out);
    Console.WriteLine();
}

if (mode is "integrity" or "all")
{
    await IntegrityBench.RunAsync(data, Console.Out);
    Console.WriteLine();
}

if (mode is "faithfulness" or "all")
{
    await FaithfulnessBench.RunAsync(data, Console.Out);
    Console.WriteLine();
}

if (mode is "grading" or "all")
{
    GradingBench.Run(data, Console.Out);
}

if (mode is "anchors" or "all")
{
    AnchorsBench.Print(await AnchorsBench.RunAsync(data), Console.Out);
    Console.WriteLine();
}

if (mode is "llm" or "all")
{
    await LlmBench.RunAsync(data, Console.Out);
    Console.WriteLine();
}

if (mode is "habits" or "all")
{
    await HabitsBench.RunAsync(data, Console.Out);
    Console.WriteLine();
}

if (mode is "phases")
{
    await PhaseBench.RunAsync(data, Console.Out);
}

var recordsIndex = Array.IndexOf(args, "--records");
List<int> sizes = recordsIndex >= 0 && recordsIndex + 1 < args.Length ? [.. args[recordsIndex + 1].Split(',').Select(int.Parse)] : [10_000, 100_000];
if (mode is "throughput" or "all")
{
    await ThroughputBench.RunAsync(data, sizes, Console.Out);
    Console.WriteLine();
}

if (mode is "decontamination" or "all")
{
    await DecontaminationBench.RunAsync(data, sizes, Console.Out);
    Console.WriteLine();
}

if (mode is "parquet" or "all")
{
    await ParquetBench.RunAsync(data, sizes, Console.Out);
    Console.WriteLine();
}

if (mode is "tokens" or "all")
{
    await TokenBench.RunAsync(data, Console.Out);
}

if (mode is "grade" or "all")
{
    await GradeBench.RunAsync(data, Console.Out);
}

return 0;
