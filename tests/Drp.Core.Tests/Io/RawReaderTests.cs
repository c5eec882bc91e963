using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class RawReaderTests
{
    /// <summary>Every item RawReader reads from <paramref name="path"/> (or <paramref name="stdin"/> for <c>-</c>).</summary>
    internal static async Task<List<RawItem>> ReadAll(string path, InputFormat format = InputFormat.Auto, string? recordsKey = null, Stream? stdin = null)
    {
        var items = new List<RawItem>();
        await foreach (var item in RawReader.ReadAsync(path, format, recordsKey, stdin))
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task Jsonl_keeps_reading_after_a_malformed_line_and_names_it()
    {
        using var dir = new TempDir();
        var path = dir.Write("in.jsonl", "{\"a\": 1}\n{\"a\": \n\n{\"a\": 3}\n[1, 2]\n");

        var items = await ReadAll(path);

        Assert.Equal(4, items.Count);
        Assert.Null(items[0].Error);
        Assert.Equal($"{path}:2", items[1].Location);
        Assert.Equal("malformed JSON at column 7: the text ends inside an object or array (cut off?)", items[1].Error);
        Assert.Equal(3, items[2].Value!.Value.GetProperty("a").GetInt32());
        Assert.Equal($"{path}:4", items[2].Location);
        Assert.Equal("expected a JSON object, found an array", items[3].Error);
    }

    [Fact]
    public async Task Json_array_and_object_with_records_key_are_read()
    {
        using var dir = new TempDir();
        var array = dir.Write("array.json", "[\n {\"q\": 1},\n {\"q\": 2}\n]");
        var holder = dir.Write("holder.json", "{\"metadata\": {\"n\": 2}, \"tasks\": [{\"q\": 1}, {\"q\": 2}, 5]}");

        var fromArray = await ReadAll(array);
        var fromKey = await ReadAll(holder, recordsKey: "tasks");
        var fromAuto = await ReadAll(holder);

        Assert.Equal(2, fromArray.Count);
        Assert.Equal(3, fromKey.Count);
        Assert.Equal($"{holder}:tasks[2]", fromKey[2].Location);
        Assert.NotNull(fromKey[2].Error);
        Assert.Equal(3, fromAuto.Count);
    }

    [Fact]
    public async Task A_whole_json_file_on_one_line_is_not_taken_for_jsonl()
    {
        using var dir = new TempDir();
        var path = dir.Write("one-line.json", "{\"metadata\": {}, \"tasks\": [{\"question\": \"a\"}, {\"question\": \"b\"}]}");

        var items = await ReadAll(path);

        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task Csv_reads_multi_line_quoted_fields()
    {
        using var dir = new TempDir();
        var path = dir.Write("in.csv", "question,answer\n\"How many, in all?\",\"Add them:\n2 + 3 = 5\n#### 5\"\nSecond,7\n");

        var items = await ReadAll(path);

        Assert.Equal(2, items.Count);
        Assert.Equal("How many, in all?", items[0].Value!.Value.GetProperty("question").GetString());
        Assert.Equal("Add them:\n2 + 3 = 5\n#### 5", items[0].Value!.Value.GetProperty("answer").GetString());
        Assert.Equal("7", items[1].Value!.Value.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_malformed_csv_row_is_reported_with_its_line_and_the_next_rows_are_read()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", "question,answer\nfine,1\n\"broken\"here,2\nmore,3\n");

        var items = await ReadAll(path);

        Assert.Equal(3, items.Count);
        Assert.Equal($"{path}:3", items[1].Location);
        Assert.StartsWith("malformed CSV row (text after a closing quote), skipped", items[1].Error);
        Assert.Equal("more", items[2].Value!.Value.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Empty_and_missing_files_are_input_errors()
    {
        using var dir = new TempDir();
        var empty = dir.Write("empty.jsonl", "\n  \n");

        var emptyError = await Assert.ThrowsAsync<InputException>(() => ReadAll(empty));
        var missingError = await Assert.ThrowsAsync<InputException>(() => ReadAll(dir.File("nope.jsonl")));

        Assert.Contains("empty input", emptyError.Message);
        Assert.Contains("file not found", missingError.Message);
        Assert.Contains("nope.jsonl", missingError.Message);
    }

    [Fact]
    public async Task A_missing_records_key_is_an_input_error_naming_it()
    {
        using var dir = new TempDir();
        var path = dir.Write("holder.json", "{\"tasks\": [{\"q\": 1}]}");

        var error = await Assert.ThrowsAsync<InputException>(() => ReadAll(path, recordsKey: "items"));

        Assert.Contains("--records items", error.Message);
        Assert.Contains("no field 'items'", error.Message);
    }
}
