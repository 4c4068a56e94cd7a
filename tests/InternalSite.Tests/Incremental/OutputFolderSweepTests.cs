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

    private OutputFolderSweep.OutputListing Sweep(params string[] emitted) => SweepAfter(null, emitted);

    private OutputFolderSweep.OutputListing SweepAfter(OutputFolderSweep.OutputListing? last, params string[] emitted)
    {
        var set = emitted.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return OutputFolderSweep.Run(Output, emitted, path => set.Contains(path), last);
    }

    private void Age(string relativeFolder) =>
        Directory.SetLastWriteTimeUtc(Path.Combine(Output, relativeFolder), DateTime.UtcNow - TimeSpan.FromHours(1));

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

    [Fact]
    public void After_a_listing_strays_in_changed_folders_and_files_no_longer_emitted_go()
    {
        string[] first = ["index.html", "a/index.html", "a/b/index.html", "gone/page/index.html"];
        foreach (var path in first)
        {
            Touch(path);
        }

        var listing = Sweep(first);
        Assert.Equal(first.Order(StringComparer.Ordinal), listing.Files);

        // Later: a stray file in a kept folder, a stray folder, and a page no longer emitted (its folder unchanged).
        Age("gone");
        Age("gone/page");
        Touch("a/b/stray.txt");
        Touch("a/stray/deep/x.html");
        SweepAfter(listing, "index.html", "a/index.html", "a/b/index.html");

        Assert.Equal(["a", "a/b", "a/b/index.html", "a/index.html", "index.html"], Left());
    }

    [Fact]
    public void After_a_listing_a_folder_unchanged_since_is_not_listed_again()
    {
        string[] emitted = ["index.html", "a/b/index.html"];
        foreach (var path in emitted)
        {
            Touch(path);
        }

        var listing = Sweep(emitted);
        Touch("a/b/stray.txt");
        Age("a/b");
        SweepAfter(listing, emitted);
        Assert.Contains("a/b/stray.txt", Left());

        // Without a listing every folder is walked.
        Sweep(emitted);
        Assert.DoesNotContain("a/b/stray.txt", Left());
    }

    [Fact]
    public void After_a_listing_a_link_where_a_kept_folder_belongs_makes_the_sweep_walk_everything()
    {
        Touch("index.html");
        Touch("kept/index.html");
        var listing = Sweep("index.html", "kept/index.html");

        var outside = Path.Combine(folder, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "index.html"), "not the output's");
        Directory.Delete(Path.Combine(Output, "kept"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(Output, "kept"), outside);
        Age(string.Empty);

        SweepAfter(listing, "index.html", "kept/index.html");
        Assert.Equal(["index.html"], Left());
        Assert.True(File.Exists(Path.Combine(outside, "index.html")));
    }

    [Fact]
    public void A_sweep_emitting_the_same_files_keeps_the_last_listing_and_one_emitting_others_lists_them()
    {
        string[] emitted = ["index.html", "a/é/index.html", "b/index.html"];
        foreach (var path in emitted)
        {
            Touch(path);
        }

        var first = Sweep(emitted);
        var again = SweepAfter(first, "b/index.html", "index.html", "a/é/index.html");
        Assert.Same(first.EncodedFiles, again.EncodedFiles);
        Assert.True(again.SweptAtUtc >= first.SweptAtUtc);

        // One file fewer and one more: the same count, but not the same files.
        Touch("c/index.html");
        var changed = SweepAfter(again, "index.html", "a/é/index.html", "c/index.html");
        Assert.Equal(["a/é/index.html", "c/index.html", "index.html"], changed.Files);
        Assert.Equal(3, changed.Count);
        Assert.Equal(["a", "a/é", "a/é/index.html", "c", "c/index.html", "index.html"], Left());
    }

    [Fact]
    public void A_listing_whose_files_do_not_match_its_count_is_refused()
    {
        var listing = OutputFolderSweep.OutputListing.Of(Output, DateTime.UtcNow, ["a.html", "b.html"]);
        Assert.Throws<FormatException>(() => new OutputFolderSweep.OutputListing(Output, DateTime.UtcNow, 3, listing.EncodedFiles));
        Assert.Throws<FormatException>(() => new OutputFolderSweep.OutputListing(Output, DateTime.UtcNow, 2, listing.EncodedFiles[..^1]));
        Assert.Throws<FormatException>(() => new OutputFolderSweep.OutputListing(Output, DateTime.UtcNow, 0, "a.html"u8.ToArray()));
    }
}
