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

        Assert.Equal([dir.File("data/train-00000-of-00002.parquet"), dir.File("data/train-00001-of-00002.parquet")], Paths(dir.File("data")));
        Assert.Equal([dir.File("data/dataset_info.json")], Paths(dir.File("data/*.json")));
        Assert.Equal([dir.File("data/notes.md")], Paths(dir.File("data/notes.md")));
        Assert.Equal(["-"], Paths("-"));
    }

    [Fact]
    public void Nothing_to_read_is_an_error_naming_the_path()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("empty"));
        dir.Write("empty/notes.md", "");

        Assert.Equal($"{dir.File("empty")}: no input file there (.parquet, .jsonl, .ndjson, .json or .csv)", Assert.Throws<InputException>(() => Paths(dir.File("empty"))).Message);
        Assert.Equal($"{dir.File("nothing.jsonl")}: file not found", Assert.Throws<InputException>(() => Paths(dir.File("nothing.jsonl"))).Message);
        Assert.StartsWith($"{dir.File("no/*.parquet")}: no such folder", Assert.Throws<InputException>(() => Paths(dir.File("no/*.parquet"))).Message);
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

        Assert.Equal([dir.File("hub/data/train-00000-of-00002.parquet"), dir.File("hub/data/train-00001-of-00002.parquet")], Paths(dir.File("hub")));
    }

    [Fact]
    public void A_folder_of_several_kinds_is_named_with_what_to_give_instead_never_read_in_part()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "mixed/a.jsonl", "mixed/b.json", "mixed/c.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(name))!);
            dir.Write(name, "");
        }

        Assert.Equal($"{dir.File("mixed")} holds files of several kinds (2 .json, 1 .jsonl): name the ones to read with a glob ({dir.File("mixed/*.json")}) or one file",
            Assert.Throws<InputException>(() => Paths(dir.File("mixed"))).Message);
        Assert.Equal([dir.File("mixed/b.json"), dir.File("mixed/c.json")], Paths(dir.File("mixed/*.json")));
    }

    [Fact]
    public void Of_a_folder_of_several_splits_train_is_read_another_when_asked_or_all_and_what_is_left_is_said()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "split/data/train-00000-of-00001.parquet", "split/data/test-00000-of-00001.parquet",
                     "folders/default/train/0000.parquet", "folders/default/train/0001.parquet", "folders/default/validation/0000.parquet", "testonly/test-0.jsonl" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(name))!);
            dir.Write(name, "");
        }

        var split = InputFiles.Of(dir.File("split"));
        Assert.Equal([new DataFile(dir.File("split/data/train-00000-of-00001.parquet"), "train")], split.Files);
        Assert.Equal($"reading 1 file of {dir.File("split")} (split train): data/train-00000-of-00001.parquet; not read: test (1 file) (--split NAME, or --split all for every file)",
            split.Describe());
        Assert.Equal([dir.File("split/data/test-00000-of-00001.parquet")], Paths(dir.File("split"), "TEST"));
        Assert.Equal([("test", 1), ("train", 1)], InputFiles.Of(dir.File("split"), "all").Files.Select(f => (f.Split!, 1)));
        Assert.Equal([dir.File("folders/default/validation/0000.parquet")], Paths(dir.File("folders"), "validation"));
        Assert.Equal(2, InputFiles.Of(dir.File("folders")).Files.Count);
        Assert.Equal([dir.File("split/data/test-00000-of-00001.parquet")], Paths(dir.File("split/data/*.parquet"), "test"));
        Assert.Equal($"{dir.File("testonly")} has no train split: it holds test (1 file); give --split test, or --split all for every file",
            Assert.Throws<InputException>(() => Paths(dir.File("testonly"))).Message);
        Assert.Equal("test", InputFiles.Of(dir.File("testonly/test-0.jsonl")).Files[0].Split);
        Assert.Null(InputFiles.Of(dir.File("testonly/test-0.jsonl")).Describe());
    }

    private static IEnumerable<string> Paths(string input, string split = InputFiles.DefaultSplit) => InputFiles.Of(input, split).Files.Select(f => f.Path);
}
