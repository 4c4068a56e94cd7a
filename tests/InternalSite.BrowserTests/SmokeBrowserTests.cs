using InternalSite.BrowserTests.Support;

namespace InternalSite.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class SmokeBrowserTests(PortalFixture portal)
{
    [Fact]
    public async Task The_home_page_loads_under_a_strict_CSP_without_errors()
    {
        await using var browser = await portal.NewPageAsync();
        var response = await browser.GotoAsync("");

        Assert.Equal(200, response!.Status);
        Assert.Equal(portal.Build.Site!.Config.Title, (await browser.Page.Locator("header .brand").InnerTextAsync()).Trim());
        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.OffOriginRequests);
    }
}
