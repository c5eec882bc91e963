namespace Drp.Core.Tests.Architecture;

/// <summary>
/// Drp.Core's folders depend on each other one way (from the types and members the code names): Model at the bottom,
/// depending on nothing; Answers, Io and Tokens above it; Teachers above those; Export and Stats, then Stages, on top.
/// </summary>
public sealed class LayerTests
{
    private static readonly Lazy<IReadOnlyDictionary<(string From, string To), string>> Core =
        new(() => FolderDependencies.Of(Path.Combine(TestPaths.RepoRoot, "src", "Drp.Core")));

    [Fact]
    public void Model_depends_on_no_other_folder()
    {
        var uses = Core.Value.Where(d => d.Key.From == "Model").Select(d => $"Model -> {d.Key.To} ({d.Value})").ToList();

        Assert.True(uses.Count == 0, "Model uses other folders:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void No_folders_depend_on_each_other_even_through_others()
    {
        var cycles = FolderDependencies.Cycles(Core.Value.Keys);

        Assert.True(cycles.Count == 0, "folders in a circle: " + string.Join("; ", cycles.Select(c => string.Join(", ", c)))
            + "\n" + string.Join("\n", Core.Value.Select(d => $"{d.Key.From} -> {d.Key.To} ({d.Value})")));
    }

    [Fact]
    public void A_circle_of_uses_is_found_through_members_and_var()
    {
        using var project = new TempDir();
        Write(project, "A/Order.cs", "namespace P.A; public sealed class Order { public int Count() => P.B.Pricing.Rate(); }");
        Write(project, "B/Pricing.cs", "namespace P.B; public static class Pricing { public static int Rate() { var o = Make(); return 1; } static P.A.Order Make() => new(); }");
        Write(project, "C/Report.cs", "namespace P.C; public static class Report { public static int Of() => new P.A.Order().Count(); }");

        var found = FolderDependencies.Of(project.Path);

        Assert.Equal([("A", "B"), ("B", "A"), ("C", "A")], found.Keys.Order().ToList());
        Assert.Equal(["A", "B"], Assert.Single(FolderDependencies.Cycles(found.Keys)));
    }

    private static void Write(TempDir project, string relative, string code)
    {
        var path = Path.Combine(project.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
    }
}
