using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using InternalSite.Build;
using InternalSite.BrowserTests.Support;
using Microsoft.Playwright;
using NodaTime;

namespace InternalSite.BrowserTests;

/// <summary>
/// The office-hours page in Chromium under the strict CSP: sessions are listed in their own zone, and local-time.js
/// adds the reader's own time. The site is built from its own files at a fixed build time, so the sessions it shows
/// do not depend on the day the test runs.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CalendarBrowserTests(PortalFixture portal) : IDisposable
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["site.config.yml"] = "title: Calendar Portal\nbaseUrl: https://portal.example.internal/tools/\ntimezone: Europe/London\n",
        ["content/index.md"] = "---\ntitle: Home\n---\nHello.\n",
        ["content/office-hours/weekly.md"] =
            "---\ntitle: Weekly office hours\nstart: 2026-10-06T15:00\nduration: 1h\ntimezone: Europe/London\nrecurrence: FREQ=WEEKLY;BYDAY=TU;COUNT=10\ncancelled: [2026-11-10]\n---\nCome along.\n",
    };

    private readonly string root = Path.Combine(Path.GetTempPath(), "internalsite-calendar-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task The_office_hours_page_shows_sessions_in_their_zone_and_in_the_readers_local_time()
    {
        using var server = BuildAndServe();
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Australia/Sydney", Locale = "en-GB" });
        await using var browser = new BrowserPage(context, await context.NewPageAsync(), server);

        var response = await browser.GotoAsync("office-hours/");
        Assert.Equal(200, response!.Status);

        var sessions = browser.Page.Locator("li.session");
        var first = sessions.First;
        Assert.Equal("Tue 3 Nov 2026, 15:00–16:00 GMT", (await first.Locator("time.session-time").InnerTextAsync()).Trim());

        // 15:00 GMT on Tuesday 3 November is 02:00 on Wednesday 4 November in Sydney (AEDT, UTC+11).
        var local = first.Locator(".local-time");
        await local.WaitForAsync();
        var text = await local.InnerTextAsync();
        Assert.StartsWith("Your time:", text);
        Assert.Contains("Wed", text);
        Assert.Contains("4 Nov", text);
        Assert.Contains("02:00", text);
        Assert.Contains("Australia/Sydney", text);

        // Every session gets its local time, cancelled ones too, and nothing else on the page breaks.
        Assert.Equal(await browser.Page.Locator("time.session-time").CountAsync(), await browser.Page.Locator(".local-time").CountAsync());
        Assert.True(await sessions.CountAsync() >= 6);
        Assert.Equal(1, await browser.Page.Locator("li.session-cancelled del").CountAsync());
        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.OffOriginRequests);
    }

    [Fact]
    public async Task Without_JavaScript_the_page_still_shows_every_session_in_its_own_zone()
    {
        using var server = BuildAndServe();
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var browser = new BrowserPage(context, await context.NewPageAsync(), server);

        await browser.GotoAsync("office-hours/");
        Assert.True(await browser.Page.Locator("li.session time.session-time").CountAsync() >= 6);
        Assert.Equal(0, await browser.Page.Locator(".local-time").CountAsync());
    }

    [Theory]
    [InlineData("office-hours/")]
    [InlineData("office-hours/month/")]
    [InlineData("office-hours/weekly/")]
    public async Task Office_hours_pages_have_no_WCAG_A_or_AA_violations(string path)
    {
        using var server = BuildAndServe();
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "America/Los_Angeles" });
        await using var browser = new BrowserPage(context, await context.NewPageAsync(), server);
        await browser.GotoAsync(path);

        var results = await browser.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    [Fact]
    public async Task The_calendar_file_is_served_as_text_calendar()
    {
        using var server = BuildAndServe();
        await using var browser = await portal.NewPageAsync();
        var response = await browser.Page.APIRequest.GetAsync(server.Url("office-hours/office-hours.ics"));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"]);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", await response.TextAsync());
    }

    private StaticSiteServer BuildAndServe()
    {
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var output = Path.Combine(root, "_site");
        var build = SiteBuilder.BuildToFolder(root, output, new BuildOptions { Now = Instant.FromUtc(2026, 11, 1, 12, 0) });
        Assert.True(build.Succeeded, string.Join("\n", build.Errors));
        return new StaticSiteServer(output, build.Site!.Config.BasePath);
    }
}
