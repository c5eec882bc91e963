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

    [Fact]
    public void A_hub_download_is_read_from_its_subfolders_without_its_metadata_hidden_files_or_card()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "hub/README.md", "hub/.cache/huggingface/download/data/train-00000-of-00002.parquet.metadata", "hub/.cache/x.json",
                     "hub/data/train-00001-of-00002.parquet", "hub/data/train-00000-of-00002.parquet", "hub/dataset_info.json", "hub/default/train/notes.md" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(name))!);
            dir.Write(name, "");
        }

        Assert.Equal([dir.File("hub/data/train-00000-of-00002.parquet"), dir.File("hub/data/train-00001-of-00002.parquet")], InputFiles.Of(dir.File("hub")));
    }

    [Fact]
    public void A_folder_of_several_kinds_or_splits_is_named_with_what_to_give_instead_never_read_in_part()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "mixed/a.jsonl", "mixed/b.json", "mixed/c.json", "split/data/train-00000-of-00001.parquet", "split/data/test-00000-of-00001.parquet",
                     "folders/default/train/0000.parquet", "folders/default/validation/0000.parquet" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(name))!);
            dir.Write(name, "");
        }

        Assert.Equal($"{dir.File("mixed")} holds files of several kinds (2 .json, 1 .jsonl): name the ones to read with a glob ({dir.File("mixed/*.json")}) or one file",
            Assert.Throws<InputException>(() => InputFiles.Of(dir.File("mixed"))).Message);
        Assert.Equal($"{dir.File("split")} holds the splits test (1 files), train (1 files): name the one to read, as {dir.File("split/data/train*.parquet")}",
            Assert.Throws<InputException>(() => InputFiles.Of(dir.File("split"))).Message);
        Assert.Contains($"name the one to read, as {dir.File("folders/default/train/*.parquet")}", Assert.Throws<InputException>(() => InputFiles.Of(dir.File("folders"))).Message);
        Assert.Equal([dir.File("split/data/train-00000-of-00001.parquet")], InputFiles.Of(dir.File("split/data/train*.parquet")));
        Assert.Equal([dir.File("mixed/b.json"), dir.File("mixed/c.json")], InputFiles.Of(dir.File("mixed/*.json")));
    }
}
