using Microsoft.Extensions.AI;
using Drp.Core.Model;
using Drp.Core.Teachers.Llm;

namespace Drp.Cli.Commands;

/// <summary>The parts of an LLM teacher, before a chat model is put under it.</summary>
public sealed record LlmSetup(OpenAiSettings Settings, PromptSet Prompts, LlmTeacherOptions Options, Price? Price)
{
    public LlmTeacher Teacher(IChatClient chat) => new(chat, Prompts, Options);

    /// <summary>The same teacher, keeping the answers it does not accept beside the response cache.</summary>
    public LlmSetup KeepingRejectedIn(ResponseCache cache) => this with { Options = Options with { Rejected = new RejectedAnswers(cache.Directory) } };
}
