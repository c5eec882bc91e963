using System.Text.Json;

namespace Drp.Core.Export;

/// <summary>
/// How a trainer renders a training line for a student of one model family, with the template's own tokens: ChatML
/// (Qwen), DeepSeek-R1-Distill and Llama 3. The assistant turn is rendered whole, its &lt;think&gt; block included:
/// R1-Distill's shipped template deletes everything up to &lt;/think&gt;, which a trainer of reasoning must not do.
/// </summary>
public sealed class ChatTemplate
{
    private readonly Func<string?, string, string, string> render;

    private ChatTemplate(string name, string marker, IReadOnlyList<string> specialTokens, Func<string?, string, string, string> render)
    {
        Name = name;
        Marker = marker;
        SpecialTokens = specialTokens;
        this.render = render;
    }

    public string Name { get; }

    /// <summary>The token that tells this family's template apart in a tokenizer_config.json.</summary>
    private string Marker { get; }

    /// <summary>The template's own tokens, each one token in the student's tokenizer.</summary>
    public IReadOnlyList<string> SpecialTokens { get; }

    /// <summary>The text the trainer tokenizes for a line: system turn (when given), user turn, assistant turn.</summary>
    public string Render(string? system, string user, string assistant) => render(system, user, assistant);

    public static readonly ChatTemplate ChatMl = new("chatml", "<|im_start|>", ["<|im_start|>", "<|im_end|>"], (system, user, assistant) =>
        (system is null ? "" : $"<|im_start|>system\n{system}<|im_end|>\n") + $"<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n{assistant}<|im_end|>\n");

    public static readonly ChatTemplate R1Distill = new("r1-distill", "<｜Assistant｜>",
        ["<｜begin▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>", "<｜end▁of▁sentence｜>"],
        (system, user, assistant) => $"<｜begin▁of▁sentence｜>{system}<｜User｜>{user}<｜Assistant｜>{assistant}<｜end▁of▁sentence｜>");

    public static readonly ChatTemplate Llama3 = new("llama3", "<|start_header_id|>",
        ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"], (system, user, assistant) =>
            "<|begin_of_text|>" + (system is null ? "" : Turn("system", system)) + Turn("user", user) + Turn("assistant", assistant));

    private static string Turn(string role, string content) => $"<|start_header_id|>{role}<|end_header_id|>\n\n{content.Trim()}<|eot_id|>";

    public static readonly IReadOnlyList<ChatTemplate> All = [ChatMl, R1Distill, Llama3];

    public static ChatTemplate Named(string name) => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"--template: unknown template '{name}' (known: {string.Join(", ", All.Select(t => t.Name))})");

    /// <summary>The family of the chat template in a tokenizer folder's tokenizer_config.json (or chat_template.jinja).</summary>
    /// <exception cref="ArgumentException">No template there, or one of a family drp does not know.</exception>
    public static ChatTemplate FromTokenizerFolder(string folder)
    {
        var text = TemplateText(folder)
            ?? throw new ArgumentException($"{folder}: no chat template (tokenizer_config.json has no chat_template, and there is no chat_template.jinja): name one with --template ({string.Join(", ", All.Select(t => t.Name))})");
        return All.FirstOrDefault(t => text.Contains(t.Marker, StringComparison.Ordinal))
            ?? throw new ArgumentException($"{folder}: its chat template is of no family drp knows: name the one the trainer uses with --template ({string.Join(", ", All.Select(t => t.Name))})");
    }

    private static string? TemplateText(string folder)
    {
        var jinja = Path.Combine(folder, "chat_template.jinja");
        if (File.Exists(jinja))
        {
            return File.ReadAllText(jinja);
        }

        var config = Path.Combine(folder, "tokenizer_config.json");
        if (!File.Exists(config))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(config));
            return document.RootElement.TryGetProperty("chat_template", out var template) ? template.ValueKind switch
            {
                JsonValueKind.String => template.GetString(),
                JsonValueKind.Array => string.Concat(template.EnumerateArray().Select(t => t.TryGetProperty("template", out var x) ? x.GetString() : "")),
                _ => null,
            } : null;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{config}: not valid JSON ({e.Message})");
        }
    }
}
