using System.Text;
using InternalSite.Build.Incremental;
using InternalSite.Model;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// Members the model fills in from a product's pages (a release's product and neighbours, a guide's section, a
/// product's releases…) are checked through one fingerprint of those pages while they are unchanged (see
/// <see cref="ProductPagesMembers"/>). Every edit that changes what those members hold must still draw the pages that
/// show it again, exactly as a full build draws them.
/// </summary>
public sealed class ProductPagesShortcutTests
{
    private const string OlderAtlasRelease = "content/products/atlas/releases/1.0.0.md";
    private const string AtlasReleasePage = "products/atlas/releases/2.0.0/index.html";
    private const string OlderAtlasReleasePage = "products/atlas/releases/1.0.0/index.html";
    private const string AtlasGuidePage = "products/atlas/guides/setup/index.html";
    private const string SecondAtlasGuide = "content/products/atlas/guides/tiles.md";
    private const string SecondAtlasGuidePage = "products/atlas/guides/tiles/index.html";

    private static IncrementalHarness Built(Action<IncrementalHarness>? setUp = null)
    {
        var site = new IncrementalHarness(SampleSite.Files());
        site.Write(SecondAtlasGuide, "---\ntitle: Tiles\norder: 2\n---\nHow tiles work.\n");
        setUp?.Invoke(site);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        return site;
    }

    private static string Text(IncrementalHarness site, string path) => Encoding.UTF8.GetString(site.Output[path]);

    [Fact]
    public void Only_members_filled_in_from_the_products_pages_are_vouched_for()
    {
        var release = new ReleaseNote(new PageBasics { SourcePath = "r.md", Kind = PageKind.Release, Title = "R", Route = "r/" }) { ProductSlug = "atlas" };

        Assert.Equal("atlas", ProductPagesMembers.ProductOf(release, "previous"));
        Assert.Equal("atlas", ProductPagesMembers.ProductOf(release, "fn:feeds_for"));
        Assert.Null(ProductPagesMembers.ProductOf(release, "title"));
        Assert.Null(ProductPagesMembers.ProductOf(release, "nav_items"));
        var generated = new GeneratedPage(new PageBasics { SourcePath = "", Kind = PageKind.Generated, Title = "C", Route = "c/" });
        Assert.Null(ProductPagesMembers.ProductOf(generated, "product"));
        Assert.Null(ProductPagesMembers.ProductOf(generated, "items"));
        var product = new ProductPage(new PageBasics { SourcePath = "p.md", Kind = PageKind.Product, Title = "P", Route = "products/atlas/" }) { ProductSlug = "atlas" };
        var changelog = new GeneratedPage(new PageBasics { SourcePath = "", Kind = PageKind.Generated, Title = "C", Route = "products/atlas/releases/" }) { Product = product };
        Assert.Equal("atlas", ProductPagesMembers.ProductOf(changelog, "items"));
        Assert.Null(ProductPagesMembers.ProductOf(changelog, "title"));
    }

    [Fact]
    public void An_edit_changes_the_fingerprint_of_its_products_pages_only()
    {
        var site = Built();
        var before = ProductPagesFingerprints(site);

        site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "More text here.", "Other text here."));
        var after = ProductPagesFingerprints(site);

        Assert.NotEqual(before["product:atlas"], after["product:atlas"]);
        Assert.Equal(before["product:beacon"], after["product:beacon"]);
    }

    [Fact]
    public void A_version_edit_that_reorders_the_releases_redraws_their_neighbours()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(OlderAtlasRelease, "version: 1.0.0", "version: 3.0.0"));

        // 1.0.0's file is now the newest release: the 2.0.0 page links it as its newer neighbour.
        Assert.Contains(AtlasReleasePage, rendered);
        Assert.Contains("Newer release", Text(site, AtlasReleasePage));
        Assert.DoesNotContain("products/beacon/releases/0.9.0/index.html", rendered);
    }

    [Fact]
    public void A_date_edit_of_a_release_is_drawn_like_a_full_build()
    {
        var site = Built();

        site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "date: 2026-06-01", "date: 2026-02-01"));

        Assert.Contains("Atlas 2.0", Text(site, OlderAtlasReleasePage));
    }

    [Fact]
    public void A_title_edit_of_a_release_redraws_the_neighbour_that_names_it()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(OlderAtlasRelease, "title: Atlas 1.0", "title: Atlas One"));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.Contains("Atlas One", Text(site, AtlasReleasePage));
    }

    [Fact]
    public void A_renamed_product_is_named_anew_on_its_releases_and_guides()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n"));

        Assert.Contains(OlderAtlasReleasePage, rendered);
        Assert.Contains(AtlasGuidePage, rendered);
        Assert.Contains("Atlas Maps guides", Text(site, AtlasGuidePage));
        Assert.DoesNotContain("products/beacon/releases/0.9.0/index.html", rendered);
    }

    [Fact]
    public void A_release_moved_to_another_product_by_its_front_matter_changes_both_products()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(OlderAtlasRelease, "version: 1.0.0\n", "version: 1.0.0\nproduct: beacon\n"));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.Contains("products/beacon/releases/0.9.0/index.html", rendered);
        Assert.Contains("Beacon", Text(site, OlderAtlasReleasePage));
    }

    [Fact]
    public void A_reordered_guide_moves_in_every_guides_navigation()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(SecondAtlasGuide, "order: 2", "order: 0"));

        Assert.Contains(AtlasGuidePage, rendered);
        // The guides' root section has no page of its own: its listing is generated, in reading order.
        Assert.Contains("products/atlas/guides/index.html", rendered);
        var page = Text(site, AtlasGuidePage);
        var start = page.IndexOf("class=\"guide-nav\"", StringComparison.Ordinal);
        var navigation = page[start..page.IndexOf("</nav>", start, StringComparison.Ordinal)];
        Assert.True(navigation.IndexOf(">Tiles<", StringComparison.Ordinal) < navigation.IndexOf(">Set up Atlas<", StringComparison.Ordinal));
    }

    [Fact]
    public void A_guide_added_to_a_section_appears_in_its_neighbours_navigation()
    {
        var site = Built(s => s.Write("content/products/atlas/guides/advanced/index.md", "---\ntitle: Advanced\norder: 5\n---\nDeeper topics.\n"));

        site.RebuildAfter(s => s.Write("content/products/atlas/guides/advanced/caching.md", "---\ntitle: Caching\n---\nCache tiles.\n"));

        Assert.Contains(">Caching<", Text(site, "products/atlas/guides/advanced/index.html"));
        Assert.Contains(">Caching<", Text(site, AtlasGuidePage));
    }

    [Fact]
    public void A_section_index_retitled_renames_its_section_for_the_guides_in_it()
    {
        var site = Built(s =>
        {
            s.Write("content/products/atlas/guides/advanced/index.md", "---\ntitle: Advanced\norder: 5\n---\nDeeper topics.\n");
            s.Write("content/products/atlas/guides/advanced/caching.md", "---\ntitle: Caching\n---\nCache tiles.\n");
        });

        site.RebuildAfter(s => s.Edit("content/products/atlas/guides/advanced/index.md", "title: Advanced", "title: Expert"));

        Assert.Contains(">Expert<", Text(site, "products/atlas/guides/advanced/caching/index.html"));
    }

    [Fact]
    public void Pages_added_and_deleted_are_drawn_like_a_full_build()
    {
        var site = Built();

        site.RebuildAfter(s => s.Write("content/products/beacon/releases/1.0.0.md", "---\ntitle: Beacon 1.0\nversion: 1.0.0\ndate: 2026-07-01\n---\nStable.\n"));
        Assert.Contains("Beacon 1.0", Text(site, "products/beacon/releases/0.9.0/index.html"));

        site.RebuildAfter(s => s.Delete(SecondAtlasGuide));
        Assert.DoesNotContain(SecondAtlasGuidePage, site.Output.Keys);
        Assert.DoesNotContain(">Tiles<", Text(site, AtlasGuidePage));
    }

    [Fact]
    public void An_office_hours_series_joining_a_product_is_listed_on_it()
    {
        var site = Built(s => s.Write("content/office-hours/weekly.md",
            "---\ntitle: Weekly clinic\nstart: 2026-03-03T15:00\nduration: 1h\ntimezone: America/New_York\n"
            + "recurrence: FREQ=WEEKLY;BYDAY=TU;COUNT=100\n---\nBring questions.\n"));

        site.RebuildAfter(s => s.Edit("content/office-hours/weekly.md", "duration: 1h\n", "duration: 1h\nproduct: atlas\n"));

        Assert.DoesNotContain("No office hours scheduled.", Text(site, "products/atlas/index.html"));
    }

    private static Dictionary<string, string> ProductPagesFingerprints(IncrementalHarness site)
    {
        var state = site.State;
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < state.DependencyKeys.Length; i++)
        {
            if (state.DependencyKeys[i].Member == ProductPagesMembers.Member)
            {
                fingerprints[state.DependencyKeys[i].Owner] = state.DependencyFingerprints[i];
            }
        }

        Assert.NotEmpty(fingerprints);
        return fingerprints;
    }
}
