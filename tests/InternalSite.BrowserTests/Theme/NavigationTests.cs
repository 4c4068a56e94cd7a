using InternalSite.BrowserTests.Support;
using InternalSite.Model;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests.Theme;

[Collection(PortalCollection.Name)]
public sealed class NavigationTests(PortalFixture portal)
{
    [Fact]
    public async Task A_reader_goes_from_home_to_a_product_to_a_guide_to_a_release()
    {
        var site = portal.Build.Site!;
        var product = site.Product("atlas")!;
        var guide = product.Guides!.Sections[0].Pages[0];
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;

        await browser.GotoAsync("");
        await page.Locator(".product-card").Filter(new() { HasText = product.Title }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(portal.Server.Url(product.Route));
        Assert.Equal(product.Title, (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.Locator(".guide-sections").GetByRole(AriaRole.Link, new() { Name = guide.Title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(portal.Server.Url(guide.Route));
        Assert.Equal(guide.Title, (await page.Locator("h1").InnerTextAsync()).Trim());
        var current = page.Locator(".guide-nav a[aria-current='page']");
        Assert.Equal(1, await current.CountAsync());
        Assert.Equal(guide.Title, (await current.InnerTextAsync()).Trim());

        await page.Locator(".breadcrumbs").GetByRole(AriaRole.Link, new() { Name = product.Title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(portal.Server.Url(product.Route));
        var latest = product.Releases[0];
        await page.Locator(".release-list .release-title a").First.ClickAsync();
        await page.WaitForURLAsync(portal.Server.Url(latest.Route));
        Assert.Equal(latest.Title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("v" + latest.VersionText, await page.Locator(".release-meta").InnerTextAsync());
        Assert.Equal(latest.Labels.ToArray(), (await page.Locator(".release-header .labels li").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());
        Assert.Equal(portal.Server.Url(latest.Previous!.Route), await page.Locator(".prev-next a[rel='prev']").EvaluateAsync<string>("a => a.href"));

        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.OffOriginRequests);
    }

    [Fact]
    public async Task The_changelog_filters_by_label_in_place_with_javascript()
    {
        var releases = portal.Build.Site!.Releases;
        const string label = "security";
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.GotoAsync("changelog/");
        var items = page.Locator(".release-item");
        Assert.Equal(releases.Count, await items.CountAsync());

        await page.Locator(".label-filter").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();

        Assert.Equal(portal.Server.Url("changelog/"), page.Url);
        var visible = page.Locator(".release-item:visible");
        Assert.Equal(releases.Count(r => r.Labels.Contains(label)), await visible.CountAsync());
        foreach (var labels in await visible.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.labels)"))
        {
            Assert.Contains(label, labels.Split(' '));
        }

        Assert.Equal("page", await page.Locator($".label-filter a[data-label='{label}']").GetAttributeAsync("aria-current"));
        Assert.Contains(label, await page.Locator(".filter-status").InnerTextAsync());
        var emptyMonths = await page.Locator(".month:visible").EvaluateAllAsync<int>("ms => ms.filter(m => !m.querySelector('.release-item:not([hidden])')).length");
        Assert.Equal(0, emptyMonths);

        await page.Locator(".label-filter").GetByRole(AriaRole.Link, new() { Name = "All", Exact = true }).ClickAsync();
        Assert.Equal(releases.Count, await page.Locator(".release-item:visible").CountAsync());
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Without_javascript_a_label_is_a_link_to_its_label_page()
    {
        var releases = portal.Build.Site!.Releases;
        const string label = "breaking";
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = browser.Page;
        await browser.GotoAsync("changelog/");

        await page.Locator(".label-filter").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(portal.Server.Url($"changelog/labels/{label}/"));

        var listed = await page.Locator(".release-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.labels)");
        Assert.Equal(releases.Count(r => r.Labels.Contains(label)), listed.Length);
        Assert.All(listed, labels => Assert.Contains(label, labels.Split(' ')));
        Assert.Equal("page", await page.Locator($".label-filter a[data-label='{label}']").GetAttributeAsync("aria-current"));
    }

    [Fact]
    public async Task Only_releases_of_the_last_14_days_carry_the_new_badge()
    {
        var site = portal.Build.Site!;
        var today = site.BuildTime.InZone(site.Config.TimeZone).Date;
        var expected = site.Releases.Where(r => r.Date is { } d && d.Date <= today && d.Date.PlusDays(14) > today).Select(r => r.Route).ToHashSet();
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync("changelog/");

        var badged = await browser.Page.Locator(".release-item:has(.badge-new) .release-title a")
            .EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(expected.Select(r => site.Url(r)).Order(StringComparer.Ordinal), badged.Order(StringComparer.Ordinal));
    }
}
