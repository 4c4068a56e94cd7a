using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Outputs;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// The search index's terms of each page are kept with its rendered markdown and used again while the page's text,
/// kind, title and summary are unchanged: only changed pages are tokenized again, and the index still equals a full
/// build's.
/// </summary>
public sealed class SearchTermCacheTests
{
    private static IncrementalHarness Built()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        return site;
    }

    private static Dictionary<string, CachedSearchTerms?> Terms(IncrementalHarness site) =>
        site.State.Markdown.ToDictionary(e => e.Key, e => e.Value.Search, StringComparer.Ordinal);

    [Fact]
    public void Every_page_keeps_its_terms_and_nothing_changed_tokenizes_nothing()
    {
        var site = Built();
        var before = Terms(site);
        Assert.All(before, entry => Assert.NotNull(entry.Value));

        Assert.True(site.Build().Succeeded);

        Assert.All(Terms(site), entry => Assert.Same(before[entry.Key], entry.Value));
        site.AssertSameAsFullBuild();
    }

    [Fact]
    public void A_body_edit_tokenizes_that_page_again_and_no_other()
    {
        var site = Built();
        var before = Terms(site);

        site.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Faster zebratiles.");
        Assert.True(site.Build().Succeeded);

        var after = Terms(site);
        Assert.Contains("zebratiles", after[SampleSite.AtlasRelease]!.Terms);
        Assert.All(after.Where(e => e.Key != SampleSite.AtlasRelease), entry => Assert.Same(before[entry.Key], entry.Value));
        site.AssertSameAsFullBuild();
    }

    [Fact]
    public void A_title_edit_with_the_same_body_tokenizes_the_page_again()
    {
        var site = Built();
        var before = Terms(site);

        site.Edit(SampleSite.AtlasGuide, "title: Set up Atlas", "title: Set up Atlas quickly");
        Assert.True(site.Build().Succeeded);

        var after = Terms(site);
        Assert.NotSame(before[SampleSite.AtlasGuide], after[SampleSite.AtlasGuide]);
        Assert.Contains("quickly", after[SampleSite.AtlasGuide]!.Terms);
        site.AssertSameAsFullBuild();
    }

    [Fact]
    public void Terms_survive_the_cache_file_and_build_the_same_index()
    {
        var folder = Path.Combine(Path.GetTempPath(), "internalsite-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            var site = Built();
            CacheFile.Save(site.State, folder);
            var loaded = CacheFile.Load(folder);
            Assert.All(loaded.Markdown, entry => Assert.Equal(site.State.Markdown[entry.Key].Search!.Terms, entry.Value.Search!.Terms));

            var sink = new MemoryOutputSink();
            var result = SiteBuilder.Build(SampleSiteSource(), new BuildOptions { Now = TestSite.Now, Incremental = loaded }, sink);
            Assert.True(result.Succeeded, TestSite.Errors(result));
            var full = site.FullBuild();
            foreach (var path in full.Keys.Where(p => p.StartsWith(OutputPaths.SearchIndexFolder, StringComparison.Ordinal)))
            {
                Assert.True(full[path].AsSpan().SequenceEqual(sink.Files[path]), path);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Content.SiteSource SampleSiteSource() =>
        new(SampleSite.Files().Select(f => new Content.SourceFile(f.Key, System.Text.Encoding.UTF8.GetBytes(f.Value)))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToArray());
}
