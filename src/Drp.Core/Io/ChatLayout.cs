using System.Text.Json;

namespace Drp.Core.Io;

/// <summary>
/// Records in a chat layout, as Hub datasets keep them (<c>messages: [{role, content}]</c>,
/// <c>conversations: [{from, value}]</c>): with exactly one user turn and one assistant turn after it, the user's
/// turn is the question and the assistant's the trace. Anything less clear is left to <c>--map</c>.
/// </summary>
public static class ChatLayout
{
    private static readonly string[] Lists = ["messages", "conversations", "conversation"];
    private static readonly string[] UserRoles = ["user", "human"];
    private static readonly string[] AssistantRoles = ["assistant", "gpt", "model"];

    /// <summary>The question or the trace of a record in a chat layout, or null.</summary>
    public static string? Find(JsonElement record, string target)
    {
        foreach (var list in Lists)
        {
            if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty(list, out var turns) && turns.ValueKind == JsonValueKind.Array
                && Turns(turns) is { } pair)
            {
                return target == "question" ? pair.User : target == "trace" ? pair.Assistant : null;
            }
        }

        return null;
    }

    private static (string User, string Assistant)? Turns(JsonElement turns)
    {
        var users = new List<string>();
        var assistants = new List<string>();
        foreach (var turn in turns.EnumerateArray())
        {
            var role = Text(turn, "role") ?? Text(turn, "from");
            var text = Text(turn, "content") ?? Text(turn, "value");
            if (role is null || text is null)
            {
                continue;
            }

            if (UserRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                users.Add(text);
            }
            else if (AssistantRoles.Contains(role, StringComparer.OrdinalIgnoreCase) && users.Count == 1)
            {
                assistants.Add(text);
            }
        }

        return users.Count == 1 && assistants.Count == 1 ? (users[0], assistants[0]) : null;
    }

    private static string? Text(JsonElement turn, string name) =>
        turn.ValueKind == JsonValueKind.Object && turn.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
