using System.Text.Json;
using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class FieldPathTests
{
    private static readonly JsonElement Record = JsonDocument.Parse(
        """{"question": "q", "model_answers": {"thinking_model": "t"}, "code": ["first", "second"], "n": 7}""").RootElement;

    [Theory]
    [InlineData("question", "q")]
    [InlineData("model_answers.thinking_model", "t")]
    [InlineData("code[0]", "first")]
    [InlineData("code[1]", "second")]
    [InlineData("code[-1]", "second")]
    [InlineData("code[-2]", "first")]
    public void Resolve_follows_dots_and_indices(string path, string expected)
    {
        var (value, error) = FieldPath.Parse(path).Resolve(Record);

        Assert.Null(error);
        Assert.Equal(expected, value!.Value.GetString());
    }

    [Theory]
    [InlineData("answer", "no field 'answer'")]
    [InlineData("model_answers.base", "no field 'base' under 'model_answers'")]
    [InlineData("code[5]", "no element [5] in 'code'")]
    [InlineData("code[-3]", "no element [-3] in 'code'")]
    [InlineData("n.x", "no field 'x' under 'n'")]
    public void Resolve_says_which_part_is_missing(string path, string expected)
    {
        var (value, error) = FieldPath.Parse(path).Resolve(Record);

        Assert.Null(value);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("code[x]")]
    [InlineData("code[1")]
    [InlineData("a[*].b[*]")]
    public void Parse_rejects_malformed_paths(string path)
    {
        Assert.Throws<FormatException>(() => FieldPath.Parse(path));
    }

    [Fact]
    public void A_star_takes_every_element_one_index_at_a_time()
    {
        var path = FieldPath.Parse("code[*]");

        Assert.True(path.IsFanned);
        Assert.Equal(2, path.FanCount(Record));
        Assert.Equal("code[1]", path.At(1).Text);
        Assert.Equal("second", path.At(1).Resolve(Record).Value!.Value.GetString());
        Assert.Equal(0, FieldPath.Parse("missing[*]").FanCount(Record));
    }
}
