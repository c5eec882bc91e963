namespace Drp.Core.Tokens;

/// <summary>Counts tokens of a text in one tokenizer.</summary>
public interface ITokenCounter
{
    /// <summary>The name written in records and summaries, such as <c>o200k</c>.</summary>
    string Name { get; }

    int Count(string text);
}
