using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// A process that builds more than once (<c>serve</c>) parses a page's front matter again only when its file or the
/// config changed, and a reused parse behaves exactly like a fresh one.
/// </summary>
public sealed class ParseCacheTests
{
    private const string Beacon = "content/products/beacon/releases/0.9.0.md";

    [Fact]
    public void A_reused_parse_is_a_fresh_page_each_build_and_the_cached_one_is_never_filled_in()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        var first = site.LastResult.Site!.Pages.Single(p => p.SourcePath == Beacon);

        site.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles.");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        var second = site.LastResult.Site!.Pages.Single(p => p.SourcePath == Beacon);

        Assert.NotSame(first, second);
        Assert.Equal(first.Html, second.Html);
        Assert.Contains("Fewer false alarms.", second.Html);
        Assert.Same(first.Basics, second.Basics); // the parse was reused, not repeated
        var cached = site.State.Memory.ParsedPages[Beacon].Parsed!.Page;
        Assert.Equal(string.Empty, cached.Html);
        Assert.Null(((InternalSite.Model.ReleaseNote)cached).Product);
    }

    [Fact]
    public void A_changed_file_or_config_is_parsed_again()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        site.Build();
        var before = site.LastResult.Site!.Pages.Single(p => p.SourcePath == Beacon).Basics;

        site.Edit(Beacon, "title: Beacon 0.9", "title: Beacon 0.9.0");
        site.Build();
        var edited = site.LastResult.Site!.Pages.Single(p => p.SourcePath == Beacon).Basics;
        Assert.NotSame(before, edited);
        Assert.Equal("Beacon 0.9.0", edited.Title);

        site.Edit("site.config.yml", "timezone: Europe/London", "timezone: Europe/Paris");
        site.Build();
        var reconfigured = site.LastResult.Site!.Pages.Single(p => p.SourcePath == Beacon).Basics;
        Assert.NotSame(edited, reconfigured);
        Assert.Equal("Europe/Paris", reconfigured.Date!.Value.Zone.Id);
        site.AssertSameAsFullBuild();
    }

    [Fact]
    public void The_diagnostics_of_a_reused_parse_are_reported_again()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        site.Edit(Beacon, "labels: [fixed]", "labels: [fixed]\ndarft: true");
        var first = site.Build();
        Assert.False(first.Succeeded);
        Assert.Contains(first.Errors, e => e.Location.File == Beacon && e.Message.Contains("'draft'", StringComparison.Ordinal));

        site.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles.");
        var second = site.Build();

        Assert.False(second.Succeeded);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_deleted_page_is_forgotten()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        site.Build();
        Assert.True(site.State.Memory.ParsedPages.ContainsKey(Beacon));

        site.Delete(Beacon);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));

        Assert.False(site.State.Memory.ParsedPages.ContainsKey(Beacon));
        site.AssertSameAsFullBuild();
    }
}
