using System.CommandLine;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;

namespace Drp.Cli.Commands;

/// <summary>The options that choose and set up the teacher, for the commands that call one.</summary>
public sealed class TeacherOptions
{
    public const string OpenAi = "openai";
    public const string KeyVariable = "OPENAI_API_KEY";

    public Option<string> Teacher { get; } = new("--teacher")
    {
        Description = "Who splits and prunes: heuristic (offline, deterministic) or openai (any OpenAI-compatible endpoint; key from OPENAI_API_KEY)",
        DefaultValueFactory = _ => HeuristicTeacher.TeacherName,
    };

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

    public TeacherOptions()
    {
        Teacher.AcceptOnlyFromAmong(HeuristicTeacher.TeacherName, OpenAi);
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Teacher, Model, BaseUrl, Prompts, Structured, Cache, Timeout, MaxRetries, RequestsPerMinute, TokensPerMinute, Price })
        {
            command.Options.Add(option);
        }
    }

    public bool IsLlm(ParseResult parse) => parse.GetValue(Teacher) == OpenAi;

    /// <summary>The teacher; for an LLM also what counts its usage and its price.</summary>
    /// <param name="defaultCache">The cache folder when --cache is not given (null: no cache).</param>
    /// <exception cref="ArgumentException">A bad option, or no key for OpenAI itself.</exception>
    public (ITeacher Teacher, UsageMeter? Usage, Price? Price) Create(ParseResult parse, string? defaultCache, int concurrency)
    {
        if (!IsLlm(parse))
        {
            return (new HeuristicTeacher(), null, null);
        }

        var llm = LlmSetupOf(parse, concurrency);
        var usage = new UsageMeter();
        IChatModel chat = new RateLimitedChatModel(new OpenAiChatModel(llm.Settings), parse.GetValue(RequestsPerMinute), parse.GetValue(TokensPerMinute));
        if (CacheOf(parse, defaultCache) is { } cache)
        {
            chat = new CachedChatModel(chat, cache, llm.Prompts.Version, usage);
            llm = llm.KeepingRejectedIn(cache);
        }
        else
        {
            chat = new MeteredChatModel(chat, usage);
        }

        return (llm.Teacher(chat), usage, llm.Price);
    }

    /// <summary>The response cache: --cache, else the default folder (null: none).</summary>
    public ResponseCache? CacheOf(ParseResult parse, string? defaultCache) =>
        (parse.GetValue(Cache) ?? defaultCache) is { } folder ? new ResponseCache(folder) : null;

    /// <summary>What an LLM teacher is made of: the endpoint, the prompts, how answers are asked for and checked, and the price.</summary>
    /// <exception cref="ArgumentException">A bad option, or no key for OpenAI itself.</exception>
    public LlmSetup LlmSetupOf(ParseResult parse, int concurrency)
    {
        var baseUrl = parse.GetValue(BaseUrl) is { } url
            ? Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new ArgumentException($"--base-url: '{url}' is not an http(s) URL such as http://localhost:8000/v1")
            : null;
        var key = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrEmpty(key))
        {
            // Local servers (vLLM, Ollama, llama.cpp) usually take any key; OpenAI itself needs one.
            key = baseUrl is null ? throw new ArgumentException($"--teacher openai: {KeyVariable} is not set (drp reads the key from the environment only)") : "no-key";
        }

        var model = parse.GetValue(Model)!;
        var settings = new OpenAiSettings(model, key)
        {
            BaseUrl = baseUrl,
            RequestTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(Timeout))),
            MaxRetries = Math.Max(0, parse.GetValue(MaxRetries)),
            MaxConcurrentRequests = concurrency,
        };
        var prompts = parse.GetValue(Prompts) is { } folder ? PromptSet.FromDirectory(folder) : PromptSet.Embedded();
        var price = parse.GetValue(Price) is { } given ? Core.Model.Price.Parse(given) : Core.Model.Price.For(model);
        return new LlmSetup(settings, prompts, new LlmTeacherOptions { Structured = parse.GetValue(Structured) }, price);
    }
}

/// <summary>The parts of an LLM teacher, before a chat model is put under it.</summary>
public sealed record LlmSetup(OpenAiSettings Settings, PromptSet Prompts, LlmTeacherOptions Options, Price? Price)
{
    public LlmTeacher Teacher(IChatModel chat) => new(chat, Prompts, Options);

    /// <summary>The same teacher, keeping the answers it does not accept beside the response cache.</summary>
    public LlmSetup KeepingRejectedIn(ResponseCache cache) => this with { Options = Options with { Rejected = new RejectedAnswers(cache.Directory) } };
}
