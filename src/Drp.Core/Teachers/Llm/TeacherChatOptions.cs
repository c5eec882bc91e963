using Drp.Core.Model;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// The chat options of a teacher request: temperature 0, the output budget and the schema, as any
/// <see cref="IChatClient"/> reads them, and drp's own request (stage, record, priority) for drp's layers.
/// </summary>
public sealed class TeacherChatOptions : ChatOptions
{
    public TeacherChatOptions(ChatRequest request)
    {
        Request = request;
        Temperature = 0;
        MaxOutputTokens = request.MaxOutputTokens;
        if (request.Schema is not null)
        {
            ResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(System.Text.Json.JsonDocument.Parse(request.Schema).RootElement, request.SchemaName);

            // The OpenAI endpoint gets the schema as written, strict.
            RawRepresentationFactory = _ => new ChatCompletionOptions
            {
                ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(request.SchemaName!, BinaryData.FromString(request.Schema), jsonSchemaIsStrict: true),
            };
        }
    }

    private TeacherChatOptions(TeacherChatOptions other) : base(other) => Request = other.Request;

    public ChatRequest Request { get; }

    /// <summary>A record's first call (decompose) goes first for a free slot: see <see cref="ConcurrencyLimitingChatClient"/>.</summary>
    public bool IsFirstCall => Request.Stage == StageNames.Decompose;

    public override ChatOptions Clone() => new TeacherChatOptions(this);

    /// <summary>drp's request behind the options a layer of drp's chat stack is given.</summary>
    public static ChatRequest RequestOf(ChatOptions? options) => (options as TeacherChatOptions)?.Request
        ?? throw new ArgumentException("drp's chat layers serve the teacher's requests, made with TeacherChatOptions", nameof(options));
}

/// <summary>How drp's teacher asks any <see cref="IChatClient"/>.</summary>
public static class TeacherChat
{
    public static async Task<ChatAnswer> CompleteAsync(this IChatClient chat, ChatRequest request, CancellationToken cancellationToken = default) =>
        ChatAnswer.Of(await chat.GetResponseAsync(request.Messages(), new TeacherChatOptions(request), cancellationToken));

    /// <summary>The model a chat client asks, from its metadata.</summary>
    public static string ModelOf(IChatClient chat) => chat.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
}
