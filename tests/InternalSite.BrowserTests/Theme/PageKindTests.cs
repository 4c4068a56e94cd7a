using InternalSite.BrowserTests.Support;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests.Theme;

/// <summary>What every page of every kind must have, checked in the browser under the server's strict CSP.</summary>
[Collection(PortalCollection.Name)]
public sealed class PageKindTests(PortalFixture portal)
{
    [Theory]
    [MemberData(nameof(SamplePages.Rows), MemberType = typeof(SamplePages))]
    public async Task Every_kind_of_page_has_landmarks_meta_and_no_errors_or_outside_requests(string kind, string route)
    {
        var site = portal.Build.Site!;
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.GotoAsync(route);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(1, await page.Locator("main#main").CountAsync());
        Assert.Equal(1, await page.Locator("body > header").CountAsync());
        Assert.Equal(1, await page.Locator("body > footer").CountAsync());
        Assert.True(await page.Locator("h1").CountAsync() == 1, $"the {kind} page /{route} should have exactly one h1");
        Assert.Equal(1, await page.Locator("header input[type='search']").CountAsync());
        Assert.Equal(site.Config.Title, (await page.Locator("header .brand").InnerTextAsync()).Trim());

        var modelPage = site.AllPages.First(p => p.Route == route);
        var card = site.AbsoluteUrl(Outputs.OutputPaths.SocialCard(modelPage));
        Assert.Equal(site.AbsoluteUrl(route), await Meta(page, "link[rel='canonical']", "href"));
        Assert.Equal(card, await Meta(page, "meta[property='og:image']", "content"));
        Assert.Equal(card, await Meta(page, "meta[name='twitter:image']", "content"));
        Assert.Equal(modelPage.Title, await Meta(page, "meta[property='og:title']", "content"));
        Assert.NotNull(await Meta(page, "meta[name='twitter:card']", "content"));

        Assert.Equal(0, await page.Locator("[onclick], [onload], [onchange], [onsubmit], [onerror]").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.OffOriginRequests);
    }

    [Fact]
    public async Task A_guide_has_a_table_of_contents_breadcrumbs_neighbours_and_an_edit_link()
    {
        var site = portal.Build.Site!;
        var guide = site.Guides.First(g => g.Headings.Count(h => h.Level is 2 or 3) > 1 && g.Previous is not null && g.Next is not null);
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.GotoAsync(guide.Route);

        var tocTargets = await page.Locator(".toc a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(guide.Headings.Where(h => h.Level is 2 or 3).Select(h => "#" + h.Id).ToArray(), tocTargets);
        foreach (var target in tocTargets)
        {
            Assert.Equal(1, await page.Locator(target).CountAsync());
        }

        var crumbs = await page.Locator(".breadcrumbs li").AllInnerTextsAsync();
        Assert.Equal("Home", crumbs[0].Trim());
        Assert.Equal(guide.Title, crumbs[^1].Trim());
        Assert.Contains(guide.Product!.Title, crumbs.Select(c => c.Trim()));
        Assert.Equal(site.Url(guide.Previous!.Route), await page.Locator(".prev-next a[rel='prev']").GetAttributeAsync("href"));
        Assert.Equal(site.Url(guide.Next!.Route), await page.Locator(".prev-next a[rel='next']").GetAttributeAsync("href"));
        Assert.Equal(site.Config.EditUrl + guide.SourcePath["content/".Length..], await page.GetByRole(AriaRole.Link, new() { Name = "Edit this page" }).GetAttributeAsync("href"));
    }

    [Fact]
    public async Task A_newsletter_links_to_its_email_version()
    {
        var site = portal.Build.Site!;
        var issue = site.Newsletters[0];
        await using var browser = await portal.NewPageAsync();
        await browser.GotoAsync(issue.Route);
        Assert.Equal(site.Url(Outputs.OutputPaths.NewsletterEmail(issue)),
            await browser.Page.GetByRole(AriaRole.Link, new() { Name = "View as email" }).GetAttributeAsync("href"));
    }

    private static Task<string?> Meta(IPage page, string selector, string attribute) => page.Locator(selector).GetAttributeAsync(attribute);
}
