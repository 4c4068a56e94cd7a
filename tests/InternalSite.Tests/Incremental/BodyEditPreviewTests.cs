using System.Text;
using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// A live preview draws a page whose body alone was edited against the last build's model, before rebuilding: it
/// must draw what the rebuild draws, and decline whenever the edit is more than a body edit.
/// </summary>
public sealed class BodyEditPreviewTests
{
    private const string ReleasePage = "products/atlas/releases/2.0.0/index.html";

    [Fact]
    public void A_body_edit_is_drawn_as_the_rebuild_draws_it()
    {
        var files = SampleSite.Files();
        var preview = PreviewOf(files);
        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace("More text here.", "## Tiles\n\nMore **text** here.", StringComparison.Ordinal);

        var drawn = preview.TryRender([File(files, SampleSite.AtlasRelease)]);

        Assert.NotNull(drawn);
        var page = Assert.Single(drawn);
        Assert.Equal(ReleasePage, page.Key);
        var rebuilt = FullBuild(files)[ReleasePage];
        Assert.Equal(Encoding.UTF8.GetString(rebuilt), Encoding.UTF8.GetString(page.Value));
        Assert.Contains("<strong>text</strong>", Encoding.UTF8.GetString(page.Value));
    }

    [Fact]
    public void A_new_first_paragraph_becomes_the_summary_of_the_drawn_page()
    {
        var files = SampleSite.Files();
        var preview = PreviewOf(files);
        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace("Faster tiles.", "Tiles load in half the time.", StringComparison.Ordinal);

        var drawn = preview.TryRender([File(files, SampleSite.AtlasRelease)])!;

        Assert.Contains("<meta name=\"description\" content=\"Tiles load in half the time.\">", Encoding.UTF8.GetString(drawn[ReleasePage]));
        Assert.Equal(FullBuild(files)[ReleasePage], drawn[ReleasePage]);
    }

    [Theory]
    [InlineData("title: Atlas 2.0", "title: Atlas 2.0 GA")] // front matter: the page's place in lists may change
    [InlineData("labels: [improved]", "labels: [improved]\n")] // even a blank line added to it
    [InlineData("Faster tiles.", "Faster [tiles](nowhere.md).")] // a broken link: the rebuild will fail
    public void Anything_more_than_a_clean_body_edit_is_declined(string find, string replace)
    {
        var files = SampleSite.Files();
        var preview = PreviewOf(files);
        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace(find, replace, StringComparison.Ordinal);

        Assert.Null(preview.TryRender([File(files, SampleSite.AtlasRelease)]));
    }

    [Fact]
    public void Files_that_are_not_published_pages_are_declined()
    {
        var files = SampleSite.Files();
        var preview = PreviewOf(files);
        files["content/products/atlas/releases/3.0.0.md"] = "---\ntitle: Atlas 3.0\nversion: 3.0.0\ndate: 2026-09-01\n---\nNew.\n";

        Assert.Null(preview.TryRender([File(files, "content/products/atlas/releases/3.0.0.md")]));
        Assert.Null(preview.TryRender([File(files, "site.config.yml")]));
    }

    [Fact]
    public void An_editors_temporary_file_that_came_and_went_does_not_stop_a_body_edit()
    {
        var files = SampleSite.Files();
        var preview = PreviewOf(files);
        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace("Faster tiles.", "Tiles load in half the time.", StringComparison.Ordinal);

        var drawn = preview.TryRender([File(files, SampleSite.AtlasRelease)], ["content/products/atlas/releases/sedX1y2Z3", "content/products/atlas/releases/4913"]);

        Assert.NotNull(drawn);
        Assert.Equal(FullBuild(files)[ReleasePage], drawn[ReleasePage]);
    }

    [Theory]
    [InlineData("content/products/beacon/releases/0.9.0.md")] // a page deleted in the same save
    [InlineData("content/products/beacon")] // a folder of pages renamed away
    public void A_page_gone_in_the_same_change_needs_a_rebuild(string gone)
    {
        var files = SampleSite.Files();
        var preview = PreviewOf(files);
        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace("Faster tiles.", "Tiles load in half the time.", StringComparison.Ordinal);

        Assert.Null(preview.TryRender([File(files, SampleSite.AtlasRelease)], [gone]));
    }

    [Fact]
    public void Only_a_preview_build_that_succeeded_offers_body_edits()
    {
        var files = SampleSite.Files();
        Assert.Null(Build(files, preview: false).BodyEdits);
        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace("Faster tiles.", "[x](nowhere.md)", StringComparison.Ordinal);
        Assert.Null(Build(files, preview: true).BodyEdits);
    }

    private static BodyEditPreview PreviewOf(Dictionary<string, string> files)
    {
        var result = Build(files, preview: true);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        return result.BodyEdits!;
    }

    private static BuildResult Build(Dictionary<string, string> files, bool preview)
    {
        var options = new BuildOptions { Now = TestSite.Now, FirstPages = preview ? new FirstPages([], [], _ => { }) : null };
        return SiteBuilder.Build(IncrementalHarness.Source(files), options, new MemoryOutputSink());
    }

    private static IReadOnlyDictionary<string, byte[]> FullBuild(Dictionary<string, string> files)
    {
        var sink = new MemoryOutputSink();
        var result = SiteBuilder.Build(IncrementalHarness.Source(files), new BuildOptions { Now = TestSite.Now }, sink);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        return sink.Files;
    }

    private static SourceFile File(Dictionary<string, string> files, string path) => new(path, Encoding.UTF8.GetBytes(files[path]));
}
