using Deque.AxeCore.Playwright;
using InternalSite.BrowserTests.Support;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests.Theme;

/// <summary>axe-core on one page of every kind, in the light and the dark scheme.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    public static IEnumerable<object[]> PagesInBothSchemes =>
        SamplePages.OfEveryKind.SelectMany(p => new[] { new object[] { p.Kind, p.Route, "light" }, [p.Kind, p.Route, "dark"] });

    [Theory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task Axe_finds_no_serious_or_critical_violation(string kind, string route, string scheme)
    {
        // Playwright injects axe as a script; bypassing CSP lets it in. The page's own scripts are still the ones served.
        await using var browser = await portal.NewPageAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BypassCSP = true,
        });
        await browser.GotoAsync(route);
        Assert.Equal(scheme == "dark", await browser.Page.EvaluateAsync<bool>(
            "() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 128; }"));

        var result = await browser.Page.RunAxe();
        Assert.NotEmpty(result.Passes);

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{kind} page /{route} ({scheme}):\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)))));
    }
}
