using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Drp.Core.Tests.Architecture;

/// <summary>
/// Which folders of a project use which others, from the types and members its code names (not its <c>using</c>
/// lines): every name in a file is bound with Roslyn, and a name whose type lives in another folder of the project is a
/// dependency of the file's folder on that one.
/// </summary>
public static class FolderDependencies
{
    /// <summary>Each dependency (from folder, to folder) with one place it comes from ("Io/JsonLines.cs: DrpRecord").</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Of(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(projectDirectory, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, path: f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions));
        var compilation = CSharpCompilation.Create("folders", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var dependencies = new SortedDictionary<(string, string), string>();
        foreach (var tree in trees.Where(t => t.FilePath.Length > 0))
        {
            var from = Folder(Path.GetRelativePath(projectDirectory, tree.FilePath));
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                if (OwningType(symbol) is { } type && FolderOf(type, projectDirectory) is { } to && to != from)
                {
                    dependencies.TryAdd((from, to), $"{Path.GetRelativePath(projectDirectory, tree.FilePath)}: {name.Identifier.Text}");
                }
            }
        }

        return dependencies;
    }

    /// <summary>The groups of folders that depend on each other in a circle (strongly connected, more than one folder).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var graph = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        bool Reaches(string a, string b)
        {
            var seen = new HashSet<string> { a };
            var queue = new Queue<string>([a]);
            while (queue.TryDequeue(out var n))
            {
                foreach (var next in graph.GetValueOrDefault(n) ?? [])
                {
                    if (next == b)
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return false;
        }

        var cycles = new List<IReadOnlyList<string>>();
        var placed = new HashSet<string>();
        foreach (var node in nodes.Where(n => !placed.Contains(n)))
        {
            var group = nodes.Where(other => other == node || (Reaches(node, other) && Reaches(other, node))).ToList();
            placed.UnionWith(group);
            if (group.Count > 1)
            {
                cycles.Add(group);
            }
        }

        return cycles;
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    // What <ImplicitUsings> gives a console or library project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Folder(string relative) => relative.Contains(Path.DirectorySeparatorChar) ? relative[..relative.IndexOf(Path.DirectorySeparatorChar)] : "(root)";

    /// <summary>The outermost type a name refers to or is a member of.</summary>
    private static INamedTypeSymbol? OwningType(ISymbol? symbol)
    {
        var type = symbol switch
        {
            null or INamespaceSymbol => null,
            INamedTypeSymbol named => named,
            _ => symbol.ContainingType,
        };
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type?.OriginalDefinition;
    }

    /// <summary>The folder of the project a type is written in; null for a type from elsewhere.</summary>
    private static string? FolderOf(INamedTypeSymbol type, string projectDirectory) =>
        type.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath is { Length: > 0 } path ? Folder(Path.GetRelativePath(projectDirectory, path)) : null;

    private static ImmutableArray<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(f => !Path.GetFileName(f).StartsWith("Drp.", StringComparison.Ordinal));
        return [.. platform.Concat(packages).DistinctBy(Path.GetFileName).Select(f => MetadataReference.CreateFromFile(f))];
    }
}
