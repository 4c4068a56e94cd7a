using Deque.AxeCore.Playwright;
using InternalSite.BrowserTests.Support;
using InternalSite.Model;
using InternalSite.Outputs.Search;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests;

/// <summary>
/// The search box and search page on the sample portal, in Chromium under the strict CSP. Queries come from the
/// portal's own model (a product's title, a guide's heading), so the tests follow the sample content as it changes.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SearchBrowserTests(PortalFixture portal)
{
    private SiteModel Site => portal.Build.Site!;

    [Fact]
    public async Task Typing_a_product_name_lists_it_and_arrows_then_Enter_open_it()
    {
        var product = Site.Products.First();
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("");
        var input = browser.Page.Locator("#site-search");

        await input.PressSequentiallyAsync(product.Title[..Math.Min(4, product.Title.Length)], new() { Delay = 30 });
        var first = browser.Page.Locator("#site-search-listbox [role=option]").First;
        await Assertions.Expect(first).ToContainTextAsync(product.Title);
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await browser.Page.Locator("#site-search-listbox mark").CountAsync() > 0, "expected the typed prefix highlighted");

        await input.PressAsync("ArrowDown");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        Assert.Equal(await first.GetAttributeAsync("id"), await input.GetAttributeAsync("aria-activedescendant"));
        await input.PressAsync("Enter");

        await browser.Page.WaitForURLAsync(portal.Server.Url(product.Route));
        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.OffOriginRequests);
    }

    [Fact]
    public async Task Slash_focuses_the_search_box_and_Escape_closes_the_results()
    {
        var product = Site.Products.First();
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("");
        await browser.Page.Locator("body").PressAsync("/");
        var input = browser.Page.Locator("#site-search");
        await Assertions.Expect(input).ToBeFocusedAsync();

        await input.PressSequentiallyAsync(product.Title);
        await Assertions.Expect(browser.Page.Locator(".search-popup")).ToBeVisibleAsync();
        await input.PressAsync("Escape");
        await Assertions.Expect(browser.Page.Locator(".search-popup")).ToBeHiddenAsync();
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task A_word_under_a_guide_heading_links_straight_to_that_heading()
    {
        var (guide, section, word) = Site.Guides
            .SelectMany(g => g.TextSections.Where(s => s.HeadingId is not null).Select(s => (g, s)))
            .Select(x => (x.g, x.s, Word: x.s.HeadingText!.Split(' ').OrderByDescending(w => w.Length).First().ToLowerInvariant()))
            .First(x => x.Word.Length >= 4);
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("search/?q=" + Uri.EscapeDataString(word));

        var link = browser.Page.Locator($".search-results a[href$='#{section.HeadingId}']").First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await browser.Page.WaitForURLAsync(portal.Server.Url(guide.Route) + "#" + section.HeadingId);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task The_search_page_reads_q_shows_filter_counts_and_arrows_walk_the_results()
    {
        var (product, word) = WordOnlyOneProductHas();
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("search/?q=" + Uri.EscapeDataString(word));

        var input = browser.Page.Locator("#search-page-q");
        await Assertions.Expect(input).ToHaveValueAsync(word);
        var links = browser.Page.Locator(".search-results a");
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        var kind = browser.Page.Locator(".search-facet input[name=kind][value=product]");
        await Assertions.Expect(kind).ToBeVisibleAsync();
        await Assertions.Expect(kind.Locator("xpath=..")).ToContainTextAsync("Product (1)");

        await kind.CheckAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=product"));
        await Assertions.Expect(links).ToHaveCountAsync(1);
        await Assertions.Expect(links.First).ToContainTextAsync(product.Title);

        await Assertions.Expect(browser.Page.Locator("#search-page-status")).ToContainTextAsync("1 result");
        await input.FocusAsync();
        await input.PressAsync("ArrowDown");
        await Assertions.Expect(links.First).ToBeFocusedAsync();
        await links.First.PressAsync("ArrowUp");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await input.PressAsync("ArrowDown");
        await links.First.PressAsync("Enter");
        // A word found under a heading links to that heading; a title or summary word links to the page itself.
        var route = System.Text.RegularExpressions.Regex.Escape(portal.Server.Url(product.Route));
        await browser.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("^" + route + "(#[^#]*)?$"));
        Assert.Empty(browser.ConsoleErrors);
    }

    /// <summary>
    /// A query word that exactly one product page matches, the way search matches: the index holds the terms of a
    /// page's title, summary, headings and text, and the word being typed also matches every term it begins. Title
    /// words come first (a name is what people type), then summary, headings and text.
    /// </summary>
    private (ProductPage Product, string Word) WordOnlyOneProductHas()
    {
        static IEnumerable<string> Fields(Page p) =>
            new[] { p.Title, p.Summary }.Concat(p.TextSections.SelectMany(s => new[] { s.HeadingText, s.Text }))
                .Where(t => !string.IsNullOrEmpty(t))!;

        var terms = Site.Products.ToDictionary(p => p, p => Fields(p).SelectMany(SearchTokenizer.Terms).ToHashSet());
        return Site.Products
            .SelectMany(p => Fields(p).SelectMany(SearchTokenizer.Terms).Distinct().Where(w => w.Length >= 4).Select((w, order) => (p, w, order)))
            .Where(x => terms.All(other => other.Key == x.p || !other.Value.Any(t => t.StartsWith(x.w, StringComparison.Ordinal))))
            .OrderBy(x => x.order)
            .Select(x => (x.p, x.w))
            .First();
    }

    [Fact]
    public async Task An_empty_query_browses_by_filter()
    {
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("search/?kind=release");

        var links = browser.Page.Locator(".search-results a");
        await Assertions.Expect(links).ToHaveCountAsync(Math.Min(10, Site.Releases.Count));
        await Assertions.Expect(links.First).ToHaveTextAsync(Site.Releases[0].Title);
        await Assertions.Expect(browser.Page.Locator(".search-facet input[name=kind][value=release]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Axe_accepts_the_open_combobox_and_the_search_page()
    {
        var product = Site.Products.First();
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("");
        await browser.Page.Locator("#site-search").PressSequentiallyAsync(product.Title);
        await Assertions.Expect(browser.Page.Locator("#site-search-listbox [role=option]").First).ToContainTextAsync(product.Title);
        await browser.Page.Locator("#site-search").PressAsync("ArrowDown");
        await Assertions.Expect(browser.Page.Locator("[role=option][aria-selected=true]")).ToBeVisibleAsync();
        var header = await browser.Page.Locator("form.search-box").RunAxe();
        Assert.True(header.Violations.Length == 0, Describe(header.Violations));

        await browser.GotoAsync("search/?q=" + Uri.EscapeDataString(product.Title));
        await Assertions.Expect(browser.Page.Locator(".search-results a").First).ToBeVisibleAsync();
        var page = await browser.Page.Locator(".search-page").RunAxe();
        Assert.True(page.Violations.Length == 0, Describe(page.Violations));
    }

    [Fact]
    public async Task On_a_phone_the_results_fit_the_screen_and_a_tap_opens_one()
    {
        var product = Site.Products.First();
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true,
        });
        await browser.GotoAsync("");
        var input = browser.Page.Locator("#site-search");
        await input.TapAsync();
        await input.FillAsync(product.Title); // one input event, one search: nothing re-renders under the finger
        var popup = browser.Page.Locator(".search-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        var first = browser.Page.Locator("#site-search-listbox [role=option]").First;
        await Assertions.Expect(first).ToContainTextAsync(product.Title);
        var box = (await popup.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"popup spans {box.X}..{box.X + box.Width} on a 375px screen");

        await first.TapAsync();
        // Polls the page's URL: a WaitForURL started after the tap could miss a navigation that committed during it.
        await Assertions.Expect(browser.Page).ToHaveURLAsync(portal.Server.Url(product.Route));
    }

    private static string Describe(IEnumerable<Deque.AxeCore.Commons.AxeResultItem> violations) =>
        string.Join("\n", violations.Select(v => $"{v.Id}: {v.Description} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
}
