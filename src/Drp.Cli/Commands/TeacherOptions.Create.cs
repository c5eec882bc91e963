using System.CommandLine;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;

namespace Drp.Cli.Commands;

/// <summary>The teacher the options ask for, and its parts.</summary>
public sealed partial class TeacherOptions
{
    /// <summary>The teacher; for an LLM also what counts its usage and its price.</summary>
    /// <param name="defaultCache">The cache folder when --cache is not given (null: no cache).</param>
    /// <param name="sends">False for a teacher that only shows what it would send (--dry-run): it needs no key.</param>
    /// <param name="log">Where the teacher's retries and waits are logged.</param>
    /// <exception cref="ArgumentException">A bad option, or no key for OpenAI itself.</exception>
    public (ITeacher Teacher, UsageMeter? Usage, Price? Price) Create(ParseResult parse, string? defaultCache, int concurrency, bool sends = true, Serilog.ILogger? log = null)
    {
        var explain = parse.CommandResult.Command.Options.Contains(Explain) && parse.GetValue(Explain);
        if (!IsLlm(parse))
        {
            return (new HeuristicTeacher { Explain = explain }, null, null);
        }

        if (explain)
        {
            throw new ArgumentException("--explain names the rules of the offline teacher, and an LLM teacher has none: leave out --explain, or use --teacher heuristic");
        }

        var llm = LlmSetupOf(parse, concurrency, sends);
        var usage = new UsageMeter();
        var cache = CacheOf(parse, defaultCache);
        var chat = ChatStack.Online(llm.Settings, parse.GetValue(RequestsPerMinute), parse.GetValue(TokensPerMinute), cache, llm.Prompts.Version, usage, log is null ? null : CliLog.ForCore(log));
        return ((cache is null ? llm : llm.KeepingRejectedIn(cache)).Teacher(chat), usage, llm.Price);
    }

    /// <summary>--faithfulness where the command has it; elsewhere (drp prune) the teacher retries on findings.</summary>
    private string FaithfulnessOf(ParseResult parse) =>
        Faithfulness is { } option && parse.CommandResult.Command.Options.Contains(option) ? parse.GetValue(option)! : Core.Faithfulness.FaithfulnessMode.Reject;

    /// <summary>The response cache: --cache, else the default folder (null: none).</summary>
    public ResponseCache? CacheOf(ParseResult parse, string? defaultCache) =>
        (parse.GetValue(Cache) ?? defaultCache) is { } folder ? new ResponseCache(folder) : null;

    /// <summary>What an LLM teacher is made of: the endpoint, the prompts, how answers are asked for and checked, and the price.</summary>
    /// <exception cref="ArgumentException">A bad option, or no key for OpenAI itself.</exception>
    public LlmSetup LlmSetupOf(ParseResult parse, int concurrency, bool sends = true)
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
            key = baseUrl is null && sends ? throw new ArgumentException($"--teacher openai: {KeyVariable} is not set (drp reads the key from the environment only)") : "no-key";
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
        return new LlmSetup(settings, prompts, new LlmTeacherOptions { Structured = parse.GetValue(Structured), Faithfulness = FaithfulnessOf(parse) }, price);
    }
}
