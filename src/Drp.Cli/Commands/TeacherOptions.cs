using System.CommandLine;
using Drp.Core.Teachers;

namespace Drp.Cli.Commands;

/// <summary>The options that choose and set up the teacher, for the commands that call one.</summary>
public sealed partial class TeacherOptions
{
    public const string OpenAi = "openai";
    public const string KeyVariable = "OPENAI_API_KEY";

    public Option<string> Teacher { get; } = new("--teacher")
    {
        Description = "Who splits and prunes: heuristic (offline, deterministic) or openai (any OpenAI-compatible endpoint; key from OPENAI_API_KEY)",
        DefaultValueFactory = _ => HeuristicTeacher.TeacherName,
    };

    /// <summary>The command's --faithfulness, when it has one: what the LLM teacher does with findings on its pruned traces.</summary>
    public Option<string>? Faithfulness { get; set; }

    public Option<string> Model { get; } = new("--model") { Description = "The teacher model (openai)", DefaultValueFactory = _ => "gpt-4o" };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "An OpenAI-compatible endpoint ending in /v1 (Azure, vLLM, Ollama, llama.cpp…)" };

    public Option<string?> Prompts { get; } = new("--prompts") { Description = "A folder with your own decompose.md and prune.md (default: drp's prompts)" };

    public Option<bool> Structured { get; } = new("--structured") { Description = "Ask for JSON answers with a schema instead of the plain Step/Skill lines" };

    public Option<string?> Cache { get; } = new("--cache") { Description = "Response cache folder, to share one between runs (run: DIR/cache by default)" };

    public Option<int> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for one answer", DefaultValueFactory = _ => 600 };

    public Option<int> MaxRetries { get; } = new("--max-retries") { Description = "Retries of a failed request, with backoff that honours Retry-After", DefaultValueFactory = _ => 6 };

    public Option<int?> RequestsPerMinute { get; } = new("--rpm") { Description = "Requests per minute at most (the endpoint's limit)" };

    public Option<int?> TokensPerMinute { get; } = new("--tpm") { Description = "Tokens per minute at most (estimated before each request, corrected by the usage returned)" };

    public Option<string?> Price { get; } = new("--price") { Description = "INPUT,CACHED,OUTPUT dollars per million tokens, for the cost estimate (known models have defaults)" };

    /// <summary>On the commands that prune (run, prune): record the offline teacher's rule for every step.</summary>
    public Option<bool> Explain { get; } = new("--explain")
    {
        Description = "Record in each pruned record which rule of the offline teacher kept, deleted or trimmed every step, and what it saw (actions[i].why; see drp explain)",
    };

    public TeacherOptions()
    {
        Teacher.OneOf(HeuristicTeacher.TeacherName, OpenAi);
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Teacher, Model, BaseUrl, Prompts, Structured, Cache, Timeout, MaxRetries, RequestsPerMinute, TokensPerMinute, Price })
        {
            command.Options.Add(option);
        }
    }

    public bool IsLlm(ParseResult parse) => parse.GetValue(Teacher) == OpenAi;
}
