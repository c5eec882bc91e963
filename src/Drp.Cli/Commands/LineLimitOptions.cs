using System.CommandLine;
using Drp.Core.Export;
using Drp.Core.Tokens;

namespace Drp.Cli.Commands;

/// <summary><c>--max-tokens</c> and <c>--template</c>: the longest training line the trainer will take, counted as it renders the line.</summary>
public sealed class LineLimitOptions
{
    public Option<int?> MaxTokens { get; } = new("--max-tokens")
    {
        Description = "Leave out a record whose training line is longer than this many tokens as the trainer sees it (system, user and assistant turns in the "
            + "student's chat template, counted in --tokenizer DIR), where LLaMA-Factory's cutoff_len or TRL's max_length would cut it, answer and all",
    };

    public Option<string> Template { get; } = new Option<string>("--template")
    {
        Description = "The student's chat template family, for --max-tokens: chatml (Qwen), r1-distill, llama3; default: the one in the tokenizer folder's tokenizer_config.json",
    }.OneOf([.. ChatTemplate.All.Select(t => t.Name)]);

    public void AddTo(Command command)
    {
        command.Options.Add(MaxTokens);
        command.Options.Add(Template);
    }

    /// <summary>The limit, or null without --max-tokens; <paramref name="tokens"/> is the tokenizer's counter when the command has one already.</summary>
    /// <exception cref="ArgumentException">--max-tokens without a student tokenizer folder, or a template its tokenizer does not hold.</exception>
    public LineLimit? Create(ParseResult parse, string tokenizer, ITokenCounter? tokens = null)
    {
        if (parse.GetValue(MaxTokens) is not { } maxTokens)
        {
            return null;
        }

        if (!Directory.Exists(tokenizer) && !File.Exists(tokenizer))
        {
            throw new ArgumentException($"--max-tokens counts in the student's tokenizer: give its folder with --tokenizer DIR (not {tokenizer})");
        }

        var template = parse.GetValue(Template) is { } name ? ChatTemplate.Named(name)
            : ChatTemplate.FromTokenizerFolder(Directory.Exists(tokenizer) ? tokenizer : Path.GetDirectoryName(Path.GetFullPath(tokenizer))!);
        return LineLimit.Create(maxTokens, tokens ?? TokenCounters.Create(tokenizer), template);
    }
}
