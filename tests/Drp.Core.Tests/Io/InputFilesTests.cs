using Drp.Core.Io;

namespace Drp.Core.Tests.Io;

public sealed class InputFilesTests
{
    [Fact]
    public void A_folder_gives_its_files_of_one_kind_in_name_order()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("data"));
        foreach (var name in new[] { "data/train-00001-of-00002.parquet", "data/train-00000-of-00002.parquet", "data/dataset_info.json", "data/notes.md" })
        {
            dir.Write(name, "");
        }

        Assert.Equal([dir.File("data/train-00000-of-00002.parquet"), dir.File("data/train-00001-of-00002.parquet")], InputFiles.Of(dir.File("data")));
        Assert.Equal([dir.File("data/dataset_info.json")], InputFiles.Of(dir.File("data/*.json")));
        Assert.Equal([dir.File("data/notes.md")], InputFiles.Of(dir.File("data/notes.md")));
        Assert.Equal(["-"], InputFiles.Of("-"));
    }

    [Fact]
    public void Nothing_to_read_is_an_error_naming_the_path()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("empty"));
        dir.Write("empty/notes.md", "");

        Assert.Equal($"{dir.File("empty")}: no input file there (.parquet, .jsonl, .ndjson, .json or .csv)", Assert.Throws<InputException>(() => InputFiles.Of(dir.File("empty"))).Message);
        Assert.Equal($"{dir.File("nothing.jsonl")}: file not found", Assert.Throws<InputException>(() => InputFiles.Of(dir.File("nothing.jsonl"))).Message);
        Assert.StartsWith($"{dir.File("no/*.parquet")}: no such folder", Assert.Throws<InputException>(() => InputFiles.Of(dir.File("no/*.parquet"))).Message);
    }
}
