using InternalSite.BrowserTests.Support;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests.Theme;

[Collection(PortalCollection.Name)]
public sealed class InteractionTests(PortalFixture portal)
{
    private const string BodyIsDark = "() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 128; }";

    [Fact]
    public async Task The_dark_mode_toggle_is_remembered_across_pages()
    {
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        var page = browser.Page;
        await browser.GotoAsync("");
        var toggle = page.Locator(".theme-toggle");
        Assert.False(await page.EvaluateAsync<bool>(BodyIsDark));
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));

        await toggle.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>(BodyIsDark));
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));

        await browser.GotoAsync("products/atlas/");
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.True(await page.EvaluateAsync<bool>(BodyIsDark));
        Assert.Equal("true", await page.Locator(".theme-toggle").GetAttributeAsync("aria-pressed"));

        await page.Locator(".theme-toggle").ClickAsync();
        await browser.GotoAsync("changelog/");
        Assert.False(await page.EvaluateAsync<bool>(BodyIsDark));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task The_system_dark_preference_applies_without_a_stored_choice()
    {
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        await browser.GotoAsync("");
        Assert.True(await browser.Page.EvaluateAsync<bool>(BodyIsDark));
        Assert.Equal("true", await browser.Page.Locator(".theme-toggle").GetAttributeAsync("aria-pressed"));
    }

    [Fact]
    public async Task The_mobile_menu_opens_and_closes_at_360_pixels()
    {
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 } });
        var page = browser.Page;
        await browser.GotoAsync("");
        var button = page.Locator(".menu-toggle");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        Assert.True(await button.IsVisibleAsync());
        Assert.False(await nav.IsVisibleAsync());
        Assert.Equal("false", await button.GetAttributeAsync("aria-expanded"));

        await button.ClickAsync();
        Assert.True(await nav.IsVisibleAsync());
        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("header input[type='search']").IsVisibleAsync());

        await button.ClickAsync();
        Assert.False(await nav.IsVisibleAsync());
        Assert.Equal("false", await button.GetAttributeAsync("aria-expanded"));

        await button.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await nav.IsVisibleAsync());
        Assert.True(await button.EvaluateAsync<bool>("b => document.activeElement === b"));
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task Without_javascript_the_navigation_is_visible_on_small_screens()
    {
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 }, JavaScriptEnabled = false });
        await browser.GotoAsync("");
        Assert.True(await browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).IsVisibleAsync());
        Assert.False(await browser.Page.Locator(".menu-toggle").IsVisibleAsync());
    }

    [Theory]
    [MemberData(nameof(SamplePages.Rows), MemberType = typeof(SamplePages))]
    public async Task No_page_scrolls_sideways_at_360_pixels(string kind, string route)
    {
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 } });
        await browser.GotoAsync(route);
        var width = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{kind} page /{route} is {width}px wide at a 360px viewport");
    }

    [Fact]
    public async Task A_printed_guide_leaves_out_the_site_chrome_but_keeps_the_text()
    {
        var guide = portal.Build.Site!.Guides.First(g => g.Previous is not null);
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.GotoAsync(guide.Route);
        Assert.True(await page.Locator(".guide-sidebar").IsVisibleAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var chrome in new[] { ".site-header", ".site-footer", ".guide-sidebar", ".prev-next" })
        {
            Assert.False(await page.Locator(chrome).IsVisibleAsync(), chrome + " should not print");
        }

        Assert.True(await page.Locator("article h1").IsVisibleAsync());
        Assert.True(await page.Locator("article .prose").IsVisibleAsync());
    }

    [Fact]
    public async Task The_keyboard_reaches_the_main_content_through_the_skip_link_and_then_the_search_box()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.GotoAsync("products/atlas/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await browser.GotoAsync("products/atlas/");
        var reached = false;
        for (var i = 0; i < 20 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement.matches('input[type=search]')");
        }

        Assert.True(reached, "the search box was not reached within 20 tab presses");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }
}
