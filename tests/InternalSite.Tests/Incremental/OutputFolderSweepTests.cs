using InternalSite.Build;

namespace InternalSite.Tests.Incremental;

/// <summary>The commit's sweep of the output folder: what it deletes, what it keeps, and that it never leaves the folder.</summary>
public sealed class OutputFolderSweepTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweep-").FullName;

    private string Output => Path.Combine(folder, "out");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Touch(string relative)
    {
        var path = Path.Combine(Output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
    }

    private void Sweep(params string[] emitted)
    {
        var set = emitted.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        OutputFolderSweep.Run(Output, emitted, path => set.Contains(path));
    }

    private string[] Left() =>
        Directory.EnumerateFileSystemEntries(Output, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Output, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_folders_holding_emitted_files_are_every_ancestor_of_each()
    {
        var folders = OutputFolderSweep.FoldersHolding(["index.html", "a/b/c/index.html", "a/b/feed.xml", "a/x/index.html"]);
        Assert.Equal(["a", "a/b", "a/b/c", "a/x"], folders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stray_files_and_folders_without_emitted_files_go_and_emitted_files_stay()
    {
        string[] emitted = ["index.html", "a/index.html", "a/b/c/index.html", "d/e.png"];
        foreach (var path in emitted)
        {
            Touch(path);
        }

        Touch("stray.html");
        Touch("a/b/stray.txt");
        Touch("old/deep/er/page.html");
        Directory.CreateDirectory(Path.Combine(Output, "empty", "nested"));
        Directory.CreateDirectory(Path.Combine(Output, "a", "b", "c", "empty"));

        Sweep(emitted);

        Assert.Equal(["a", "a/b", "a/b/c", "a/b/c/index.html", "a/index.html", "d", "d/e.png", "index.html"], Left());
    }

    [Fact]
    public void A_link_is_deleted_as_a_link_even_where_a_kept_folder_belongs_and_what_it_points_to_stays()
    {
        var outside = Path.Combine(folder, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "sub"));
        File.WriteAllText(Path.Combine(outside, "sub", "keep.txt"), "not the output's");
        File.WriteAllText(Path.Combine(outside, "index.html"), "not the output's either");
        Touch("index.html");
        Directory.CreateSymbolicLink(Path.Combine(Output, "linked"), outside);
        Directory.CreateSymbolicLink(Path.Combine(Output, "kept"), outside);

        // "kept" holds an emitted file by name, but is a link: sweeping it must not walk (and empty) the folder it points to.
        Sweep("index.html", "kept/index.html");

        Assert.Equal(["index.html"], Left());
        Assert.True(File.Exists(Path.Combine(outside, "sub", "keep.txt")));
        Assert.True(File.Exists(Path.Combine(outside, "index.html")));
    }
}
