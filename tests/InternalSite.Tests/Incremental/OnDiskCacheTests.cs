using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Tests.Serve;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary><c>build</c> with its cache folder: the state survives between runs, and the output still equals a full build.</summary>
public sealed class OnDiskCacheTests : IDisposable
{
    private readonly TempSite site = new();

    private string Output => Path.Combine(site.Folder, "out");

    private string Cache => IncrementalState.DefaultFolder(site.Root);

    public void Dispose() => site.Dispose();

    /// <summary>Builds the way <c>build</c> does: the cache is read from disk at the start and written at the end.</summary>
    private IncrementalState BuildWithCache()
    {
        var result = SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache });
        Assert.True(result.Succeeded, TestSite.Errors(result));
        var state = CacheFile.Load(Cache);
        return state;
    }

    [Fact]
    public void A_second_build_reuses_the_saved_cache_and_writes_what_a_full_build_writes()
    {
        BuildWithCache();
        Assert.True(File.Exists(Path.Combine(Cache, ".gitignore")));
        Assert.NotEmpty(CacheFile.Load(Cache).Markdown);

        site.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel.");
        var state = CacheFile.Load(Cache);
        var result = SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache, Incremental = state });
        Assert.True(result.Succeeded, TestSite.Errors(result));

        Assert.Contains("products/atlas/guides/setup/index.html", state.LastRendered);
        Assert.DoesNotContain("products/beacon/index.html", state.LastRendered);
        Assert.True(state.LastKept > state.LastRendered.Count, $"kept {state.LastKept}, rendered {state.LastRendered.Count}");

        var full = Path.Combine(site.Folder, "full");
        Assert.True(SiteBuilder.BuildToFolder(site.Root, full, new BuildOptions { Now = TestSite.Now }).Succeeded);
        AssertSameFolders(full, Output);
    }

    [Fact]
    public void An_edit_rewrites_only_the_markdown_cache_file_of_the_edited_page()
    {
        BuildWithCache();
        var files = Directory.GetFiles(Cache, "markdown-*.bin").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(MarkdownCacheFiles.BucketCount, files.Length);
        var written = files.ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var edited = Path.Combine(Cache, $"markdown-{MarkdownCacheFiles.BucketOf(SampleSite.AtlasGuide):D2}.bin");
        var before = File.ReadAllBytes(edited);

        BuildWithCache();
        Assert.All(files, f => Assert.Equal(written[f], File.GetLastWriteTimeUtc(f)));

        site.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel.");
        var state = BuildWithCache();

        Assert.NotEqual(before, File.ReadAllBytes(edited));
        Assert.All(files.Where(f => f != edited), f => Assert.Equal(written[f], File.GetLastWriteTimeUtc(f)));
        Assert.Contains("Ask Ann in the channel.", state.Markdown[SampleSite.AtlasGuide].Rendered.Html);
    }

    [Fact]
    public void Pages_carried_over_keep_their_cached_body_and_rendering_undecoded()
    {
        const string untouched = "content/products/beacon/releases/0.9.0.md";
        BuildWithCache();
        site.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel.");
        var state = CacheFile.Load(Cache);
        Assert.False(state.Markdown[untouched].Rendered.IsDecoded);

        var result = SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache, Incremental = state });
        Assert.True(result.Succeeded, TestSite.Errors(result));

        // Its page, its feeds and its search entry are all kept: nothing needed the body's text or its HTML.
        Assert.False(state.Markdown[untouched].Rendered.IsDecoded);
        Assert.False(state.Markdown[untouched].Rendered.AreIdsRead);
        Assert.False(state.Memory.ParsedPages[untouched].Parsed!.IsBodyCut);
        Assert.True(state.Markdown[SampleSite.AtlasGuide].Rendered.IsDecoded);
        Assert.Equal("<p>Fewer false alarms.</p>\n", state.Markdown[untouched].Rendered.Html);
        Assert.Equal("Fewer false alarms.\n", state.Memory.ParsedPages[untouched].Parsed!.Body);
    }

    [Fact]
    public void A_link_to_a_heading_that_an_edit_removed_is_reported_from_the_unchanged_linking_page()
    {
        site.Write("content/about.md", "---\ntitle: About\n---\nSee [access](products/atlas/guides/setup.md#access).\n");
        BuildWithCache();

        // The linking page is carried over from the cache; only the target's anchors changed.
        site.Edit(SampleSite.AtlasGuide, "## Access", "## Getting in");
        var state = CacheFile.Load(Cache);
        var result = SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache, Incremental = state });

        Assert.False(result.Succeeded);
        var broken = Assert.Single(result.Errors);
        Assert.Equal("content/about.md", broken.Location.File);
        Assert.Equal(4, broken.Location.Line);
        Assert.Contains("has no '#access'", broken.Message, StringComparison.Ordinal);
        Assert.Contains("#getting-in", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deferred_cache_save_leaves_no_cache_to_trust_until_it_is_finished()
    {
        BuildWithCache();
        site.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel.");
        var result = SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions
        {
            Now = TestSite.Now, CacheFolder = Cache, Incremental = CacheFile.Load(Cache), DeferCacheSave = true,
        });
        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Contains("Ask Ann", File.ReadAllText(Path.Combine(Output, "products/atlas/guides/setup/index.html")), StringComparison.Ordinal);
        Assert.Empty(CacheFile.Load(Cache).Markdown);

        result.FinishCacheSave();
        result.FinishCacheSave();
        var saved = CacheFile.Load(Cache);
        Assert.Contains("Ask Ann in the channel.", saved.Markdown[SampleSite.AtlasGuide].Rendered.Html, StringComparison.Ordinal);
        Assert.NotNull(saved.OutputListing);
    }

    [Fact]
    public void A_deleted_or_corrupt_cache_means_a_full_build()
    {
        BuildWithCache();
        File.WriteAllText(Path.Combine(Cache, "build-cache.bin"), "not a cache");
        var state = CacheFile.Load(Cache);
        Assert.Empty(state.Markdown);
        Assert.True(SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache, Incremental = state }).Succeeded);
        Assert.Equal(0, state.LastKept);

        Directory.Delete(Cache, recursive: true);
        Assert.True(SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache }).Succeeded);
        Assert.NotEmpty(CacheFile.Load(Cache).Markdown);
    }

    [Fact]
    public void The_saved_dependency_table_loads_as_it_was_with_one_string_per_owner()
    {
        BuildWithCache();
        var saved = CacheFile.Load(Cache);
        Assert.NotEmpty(saved.DependencyKeys);

        // Saving what was loaded and loading it again gives the same table, records and fingerprints.
        CacheFile.Save(saved, Cache);
        var again = CacheFile.Load(Cache);
        Assert.Equal(saved.DependencyKeys, again.DependencyKeys);
        Assert.Equal(saved.DependencyFingerprints.Count, again.DependencyFingerprints.Count);
        Assert.All(Enumerable.Range(0, saved.DependencyFingerprints.Count), i => Assert.Equal(saved.DependencyFingerprints[i], again.DependencyFingerprints[i]));
        Assert.Equal(saved.Outputs.Keys.Order(StringComparer.Ordinal), again.Outputs.Keys.Order(StringComparer.Ordinal));
        Assert.All(saved.Outputs, o => Assert.Equal(o.Value.Reads, again.Outputs[o.Key].Reads));

        // Keys of one page share its owner string: the table holds each owner once, not once per key.
        var owners = again.DependencyKeys.GroupBy(k => k.Owner, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(owners);
        Assert.All(owners, g => Assert.All(g, key => Assert.Same(g.First().Owner, key.Owner)));
    }

    [Fact]
    public void A_cache_whose_outputs_section_is_cut_short_means_a_full_build()
    {
        BuildWithCache();
        var file = Path.Combine(Cache, "build-cache.bin");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^9]);
        var state = CacheFile.Load(Cache);
        Assert.Empty(state.Outputs);
        Assert.Empty(state.DependencyKeys);
    }

    [Fact]
    public void A_save_begun_and_discarded_leaves_the_last_cache_and_a_completed_one_ends_with_the_listing_set_after_it_began()
    {
        BuildWithCache();
        var file = Path.Combine(Cache, "build-cache.bin");
        var before = File.ReadAllBytes(file);
        var state = CacheFile.Load(Cache);
        Assert.NotNull(state.OutputListing);

        state.ForgetOutputs();
        using (CacheFile.BeginSave(state, Cache))
        {
            // Discarded, as when the output commit fails.
        }

        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Empty(Directory.GetFiles(Cache, "*.tmp"));

        var loaded = CacheFile.Load(Cache);
        var save = CacheFile.BeginSave(loaded, Cache);
        loaded.OutputListing = OutputFolderSweep.OutputListing.Of(Output, DateTime.UnixEpoch, ["index.html", "late/index.html"]);
        save.Complete();
        var again = CacheFile.Load(Cache);
        Assert.Equal(["index.html", "late/index.html"], again.OutputListing!.Files);
        Assert.Equal(DateTime.UnixEpoch, again.OutputListing.SweptAtUtc);
        Assert.Equal(loaded.Outputs.Keys.Order(StringComparer.Ordinal), again.Outputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cache_whose_output_listing_does_not_match_its_count_means_a_full_build()
    {
        BuildWithCache();
        var file = Path.Combine(Cache, "build-cache.bin");
        var bytes = File.ReadAllBytes(file);

        // The listing ends the file: its files, each ended by a zero byte. One zero byte fewer breaks the count.
        Assert.Equal(0, bytes[^1]);
        bytes[^1] = (byte)'x';
        File.WriteAllBytes(file, bytes);
        var state = CacheFile.Load(Cache);
        Assert.Empty(state.Outputs);
        Assert.Null(state.OutputListing);
    }

    [Fact]
    public void A_cache_describes_one_output_folder_only()
    {
        BuildWithCache();
        var other = Path.Combine(site.Folder, "other");
        var state = CacheFile.Load(Cache);
        Assert.True(SiteBuilder.BuildToFolder(site.Root, other, new BuildOptions { Now = TestSite.Now, Incremental = state }).Succeeded);
        Assert.Equal(0, state.LastKept);
        AssertSameFolders(Output, other);
    }

    [Fact]
    public void A_deleted_page_leaves_the_output_folder_with_its_folder()
    {
        BuildWithCache();
        Assert.True(File.Exists(Path.Combine(Output, "about", "index.html")));

        File.Delete(Path.Combine(site.Root, "content", "about.md"));
        BuildWithCache();

        Assert.False(Directory.Exists(Path.Combine(Output, "about")));
        var full = Path.Combine(site.Folder, "full");
        Assert.True(SiteBuilder.BuildToFolder(site.Root, full, new BuildOptions { Now = TestSite.Now }).Succeeded);
        AssertSameFolders(full, Output);
    }

    [Fact]
    public void A_failed_build_leaves_the_output_folder_as_it_was()
    {
        BuildWithCache();
        var before = File.ReadAllBytes(Path.Combine(Output, "products", "atlas", "guides", "setup", "index.html"));

        site.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask [here](nowhere.md).");
        var result = SiteBuilder.BuildToFolder(site.Root, Output, new BuildOptions { Now = TestSite.Now, CacheFolder = Cache });

        Assert.False(result.Succeeded);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Output, "products", "atlas", "guides", "setup", "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(site.Folder, ".out.staging-*"));
    }

    private static void AssertSameFolders(string expected, string actual)
    {
        string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), file);
        }
    }
}
