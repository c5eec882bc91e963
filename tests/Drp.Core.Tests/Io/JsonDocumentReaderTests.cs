using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;
using static Drp.Core.Tests.Io.RawReaderTests;

namespace Drp.Core.Tests.Io;

/// <summary>JSON documents are read one record at a time: the same records as parsing the whole file, and bad parts named.</summary>
public sealed class JsonDocumentReaderTests
{
    /// <summary>Records with the characters a byte scanner could trip on, some far longer than its 64 KB buffer.</summary>
    private static JsonArray TrickyRecords()
    {
        string[] pieces = ["ab", "\"", "c\\d", "]", "e}", "f[", "g{", "h,", "i\n", "j é", " 😀 ", "\\\"", " "];
        var random = new Random(5);
        var records = new JsonArray();
        for (var i = 0; i < 400; i++)
        {
            var text = new StringBuilder();
            var length = i % 50 == 7 ? 150_000 : random.Next(0, 3000);
            while (text.Length < length)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            records.Add(new JsonObject { ["id"] = $"r{i}", ["question"] = text.ToString(), ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "]", new JsonObject()) } });
        }

        return records;
    }

    [Fact]
    public async Task A_large_document_gives_the_same_records_as_parsing_it_whole()
    {
        using var dir = new TempDir();
        var records = TrickyRecords();
        var array = dir.Write("array.json", records.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var holder = dir.Write("holder.json", new JsonObject { ["meta"] = new JsonObject { ["tasks"] = "no" }, ["data"] = new JsonObject { ["items"] = records.DeepClone() } }.ToJsonString());

        var fromArray = await ReadAll(array);
        var fromHolder = await ReadAll(holder, recordsKey: "data.items");

        foreach (var items in new[] { fromArray, fromHolder })
        {
            Assert.Equal(records.Count, items.Count);
            for (var i = 0; i < records.Count; i++)
            {
                Assert.Null(items[i].Error);
                Assert.True(JsonNode.DeepEquals(records[i], JsonNode.Parse(items[i].Value!.Value.GetRawText())), $"record {i} differs");
            }
        }

        Assert.Equal($"{holder}:data.items[399]", fromHolder[^1].Location);
    }

    [Fact]
    public async Task A_malformed_record_is_named_and_the_records_after_it_are_read()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.json", "{\"tasks\": [{\"question\": \"a\"}, {\"question\": tru}, [1], {\"question\": \"d\"}]}");

        var items = await ReadAll(path);

        Assert.Equal(4, items.Count);
        Assert.Equal($"{path}:tasks[1]", items[1].Location);
        Assert.StartsWith("malformed JSON", items[1].Error);
        Assert.Equal("expected a JSON object, found an array", items[2].Error);
        Assert.Equal("d", items[3].Value!.Value.GetProperty("question").GetString());
    }

    [Fact]
    public async Task A_truncated_document_keeps_the_records_before_the_cut_and_says_where_it_broke()
    {
        using var dir = new TempDir();
        var whole = "[{\"question\": \"a\"}, {\"question\": \"b\"}, {\"question\": \"c\"}]";
        var path = dir.Write("cut.json", whole[..^12]);
        var missingComma = dir.Write("comma.json", "[{\"question\": \"a\"} {\"question\": \"b\"}]");

        var items = await ReadAll(path);
        var comma = await ReadAll(missingComma);

        Assert.Equal(["a", "b"], items.Take(2).Select(i => i.Value!.Value.GetProperty("question").GetString()));
        Assert.Equal($"{path}:[2]", items[2].Location);
        Assert.Contains("the file ends inside this record (truncated JSON?)", items[2].Error);
        Assert.Equal(2, comma.Count);
        Assert.Contains("expected ',' or ']' after a record, found '{'", comma[1].Error);
    }

    [Fact]
    public async Task Text_after_the_document_is_not_silently_dropped()
    {
        using var dir = new TempDir();
        var lines = dir.Write("lines.txt", "{\"question\": \"a\"}\n{\"question\": \"b\"}\n");
        var twoArrays = dir.Write("two.json", "[{\"question\": \"a\"}]\n[{\"question\": \"b\"}]\n");

        var linesError = await Assert.ThrowsAsync<InputException>(() => ReadAll(lines, format: InputFormat.Json));
        var items = await ReadAll(twoArrays);

        Assert.Contains("more text after the document ends at byte 18 (JSON Lines? say --input-format jsonl)", linesError.Message);
        Assert.Equal(2, items.Count);
        Assert.Equal(twoArrays, items[1].Location);
        Assert.Contains("more text after the records' closing ']'", items[1].Error);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_record_is_named_as_such()
    {
        using var dir = new TempDir();
        var path = dir.File("latin1.json");
        File.WriteAllBytes(path, [.. "[{\"question\": \"a\"}, "u8, .. Encoding.Latin1.GetBytes("{\"question\": \"caf\u00e9\"}"), .. ", {\"question\": \"c\"}]"u8]);

        var items = await ReadAll(path);

        Assert.Equal(3, items.Count);
        Assert.True(items[1].Error?.StartsWith("invalid UTF-8") == true, items[1].Error);
        Assert.Null(items[2].Error);
    }

    [Fact]
    public async Task An_object_with_a_question_is_one_record_a_byte_order_mark_is_skipped_and_records_keys_with_indices_are_followed()
    {
        using var dir = new TempDir();
        var single = dir.Write("single.json", "{\"examples\": [{\"x\": 1}],\n \"question\": \"q\"}");
        var withMark = dir.Write("mark.json", "\uFEFF[{\"question\": \"a\"},\n {\"question\": \"b\"}]");
        var runs = dir.Write("runs.json", "{\"runs\": [{\"items\": [{\"q\": 0}]}, {\"items\": [{\"q\": 1}, {\"q\": 2}]}]}");

        var one = await ReadAll(single);
        var second = await ReadAll(runs, recordsKey: "runs[1].items");
        var marked = await ReadAll(withMark);
        var missing = await Assert.ThrowsAsync<InputException>(() => ReadAll(runs, recordsKey: "runs[2].items"));
        var notArray = await Assert.ThrowsAsync<InputException>(() => ReadAll(runs, recordsKey: "runs[0]"));

        Assert.Equal("q", Assert.Single(one).Value!.Value.GetProperty("question").GetString());
        Assert.Equal(["a", "b"], marked.Select(i => i.Value!.Value.GetProperty("question").GetString()));
        Assert.Equal([1, 2], second.Select(i => i.Value!.Value.GetProperty("q").GetInt32()));
        Assert.Equal($"{runs}:runs[1].items[1]", second[1].Location);
        Assert.EndsWith("--records runs[2].items: no element [2] in 'runs'", missing.Message);
        Assert.EndsWith("--records runs[0]: not an array", notArray.Message);
    }

    [Fact]
    public async Task A_document_on_standard_input_is_read_record_by_record_too()
    {
        var text = "{\"meta\": 1, \"tasks\": [{\"question\": \"a\"}, {\"question\": \"b\"}]}";
        using var stdin = new OneWayStream(new MemoryStream(Encoding.UTF8.GetBytes("\n" + text.Replace(", ", ",\n"))));

        var items = await ReadAll("-", stdin: stdin);

        Assert.Equal(["a", "b"], items.Select(i => i.Value!.Value.GetProperty("question").GetString()));
        Assert.Equal("<stdin>:tasks[1]", items[1].Location);
    }

    /// <summary>A stream that cannot seek, as standard input.</summary>
    private sealed class OneWayStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
