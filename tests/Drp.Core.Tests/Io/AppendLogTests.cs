using System.Text.Json.Nodes;
using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class AppendLogTests
{
    [Fact]
    public void A_torn_last_line_is_not_read_and_is_cut_off_before_the_next_line()
    {
        using var dir = new TempDir();
        var log = new AppendLog(dir.File("log.jsonl"));
        log.Append(new JsonObject { ["n"] = 1 });
        File.AppendAllText(log.Path, "{\"n\":2, \"tor");

        Assert.Equal([1], log.ReadAll().Select(e => (int)e["n"]!));

        log.Append(new JsonObject { ["n"] = 3 });

        Assert.Equal([1, 3], log.ReadAll().Select(e => (int)e["n"]!));
        Assert.Equal("{\"n\":1}\n{\"n\":3}\n", File.ReadAllText(log.Path));
    }

    [Fact]
    public void A_log_never_written_reads_empty()
    {
        using var dir = new TempDir();

        Assert.Empty(new AppendLog(dir.File("none.jsonl")).ReadAll());
    }
}
