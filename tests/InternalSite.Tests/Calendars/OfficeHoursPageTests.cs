using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using InternalSite.Build;
using InternalSite.Outputs;
using InternalSite.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace InternalSite.Tests.Calendars;

/// <summary>The office-hours pages, read back with AngleSharp: weeks, month view, series pages, product pages.</summary>
public sealed class OfficeHoursPageTests
{
    private static IDocument Page(MemoryOutputSink output, string path) => new HtmlParser().ParseDocument(output.Text(path));

    private static (string Title, string Start) SessionOf(IElement li) =>
        (li.QuerySelector(".session-title")!.TextContent, li.QuerySelector("time.session-time")!.GetAttribute("datetime")!);

    [Fact]
    public void The_office_hours_page_lists_the_next_8_weeks_grouped_by_week()
    {
        var (result, output) = TestSite.Build(OfficeHoursSites.Files);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        var page = Page(output, "office-hours/index.html");

        var weeks = page.QuerySelectorAll("section.week");
        Assert.Equal(
            ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"],
            weeks.Select(w => w.QuerySelector("h3")!.Id!["week-".Length..]));
        foreach (var week in weeks)
        {
            var monday = LocalDatePattern.Iso.Parse(week.QuerySelector("h3")!.Id!["week-".Length..]).Value;
            foreach (var time in week.QuerySelectorAll("time.session-time"))
            {
                var date = OffsetDateTimePattern.Rfc3339.Parse(time.GetAttribute("datetime")!).Value.Date;
                Assert.InRange(date, monday, monday.PlusDays(6));
            }
        }

        var sessions = page.QuerySelectorAll("li.session").Select(SessionOf).ToList();
        var london = sessions.Where(s => s.Title == "Atlas weekly office hours").Select(s => s.Start).ToList();
        Assert.Equal(
            ["2026-11-03T15:00:00Z", "2026-11-10T15:00:00Z", "2026-11-17T15:00:00Z", "2026-11-24T15:00:00Z", "2026-12-01T15:00:00Z", "2026-12-08T15:00:00Z", "2026-12-15T15:00:00Z", "2026-12-22T15:00:00Z"],
            london);
        Assert.Equal(
            ["2026-11-05T09:30:00+11:00", "2026-11-19T09:30:00+11:00", "2026-12-03T09:30:00+11:00", "2026-12-17T09:30:00+11:00"],
            sessions.Where(s => s.Title == "Sydney clinic").Select(s => s.Start));
        Assert.Contains(sessions, s => s.Start == "2026-11-18T11:00:00-05:00");

        // Sorted by the moment they happen, whatever their zone.
        var instants = sessions.Select(s => OffsetDateTimePattern.Rfc3339.Parse(s.Start).Value.ToInstant()).ToList();
        Assert.Equal(instants.Order(), instants);
    }

    [Fact]
    public void Sessions_show_their_own_zone_and_cancelled_ones_are_struck_through_without_add_links()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var page = Page(output, "office-hours/index.html");

        var sydney = page.QuerySelector("#sydney-clinic-20261105T0930")!;
        Assert.Equal("Thu 5 Nov 2026, 09:30–10:15 AEDT", sydney.QuerySelector("time")!.TextContent);
        Assert.Contains("(Australia/Sydney)", sydney.TextContent);

        var cancelled = page.QuerySelector("#atlas-weekly-20261110T1500")!;
        Assert.Contains("session-cancelled", cancelled.ClassList);
        Assert.NotNull(cancelled.QuerySelector("del time.session-time"));
        Assert.Contains("Cancelled", cancelled.TextContent);
        Assert.Null(cancelled.QuerySelector(".add-to-calendar"));
    }

    [Fact]
    public void Add_to_Google_and_Outlook_links_carry_the_session_in_UTC()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var session = Page(output, "office-hours/index.html").QuerySelector("#sydney-clinic-20261105T0930")!;
        var links = session.QuerySelectorAll(".add-to-calendar a").Select(a => new Uri(a.GetAttribute("href")!)).ToList();

        var google = Query(links.Single(u => u.Host == "calendar.google.com"));
        Assert.Equal("TEMPLATE", google["action"]);
        Assert.Equal("Sydney clinic", google["text"]);
        Assert.Equal("20261104T223000Z/20261104T231500Z", google["dates"]);
        Assert.Equal("Australia/Sydney", google["ctz"]);
        Assert.Contains("https://portal.example.internal/tools/office-hours/sydney-clinic/", google["details"]);

        var outlook = Query(links.Single(u => u.Host == "outlook.office.com"));
        Assert.Equal("Sydney clinic", outlook["subject"]);
        Assert.Equal("2026-11-04T22:30:00Z", outlook["startdt"]);
        Assert.Equal("2026-11-04T23:15:00Z", outlook["enddt"]);
    }

    [Fact]
    public void A_weekly_London_session_stays_at_15_00_on_the_page_across_the_end_of_BST()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files, new BuildOptions { Now = Instant.FromUtc(2026, 10, 15, 12, 0) });
        var page = Page(output, "office-hours/atlas-weekly/index.html");

        var before = page.QuerySelector("#atlas-weekly-20261020T1500 time")!;
        var after = page.QuerySelector("#atlas-weekly-20261027T1500 time")!;
        Assert.Equal("Tue 20 Oct 2026, 15:00–16:00 BST", before.TextContent);
        Assert.Equal("2026-10-20T15:00:00+01:00", before.GetAttribute("datetime"));
        Assert.Equal("Tue 27 Oct 2026, 15:00–16:00 GMT", after.TextContent);
        Assert.Equal("2026-10-27T15:00:00Z", after.GetAttribute("datetime"));
    }

    [Fact]
    public void A_series_page_has_its_description_host_location_join_link_next_and_cancelled_dates_and_calendar()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var page = Page(output, "office-hours/atlas-weekly/index.html");
        var facts = page.QuerySelector("dl.event-facts")!.TextContent;

        Assert.Contains("Every week on Tuesday, 15:00–16:00 Europe/London (1 hour), from 6 October 2026 until 31 December 2026", facts);
        Assert.Contains("Ada Lovelace", facts);
        Assert.Contains("Room 4.01", facts);
        Assert.Equal("https://meet.example.internal/atlas", page.QuerySelector("dl.event-facts a[href^='https://meet']")!.GetAttribute("href"));
        Assert.Equal("/tools/products/atlas/", page.QuerySelector("dl.event-facts a[href$='atlas/']")!.GetAttribute("href"));
        Assert.Contains("Atlas", page.QuerySelector("strong")!.TextContent);

        var next = page.QuerySelectorAll("li.session").ToList();
        Assert.Equal(9, next.Count); // 3 Nov … 29 Dec, the last dates before UNTIL
        Assert.Equal(2, next.Count(li => li.ClassList.Contains("session-cancelled")));

        var cancelled = page.QuerySelectorAll("ul.cancelled-dates li del time").Select(t => t.GetAttribute("datetime"));
        Assert.Equal(["2026-11-10", "2026-12-22"], cancelled);

        var subscribe = page.QuerySelector("aside.subscribe")!;
        Assert.NotNull(subscribe.QuerySelector("a[href='webcal://portal.example.internal/tools/office-hours/atlas-weekly/calendar.ics']"));
        Assert.NotNull(subscribe.QuerySelector("a[href='/tools/office-hours/atlas-weekly/calendar.ics'][download]"));
        Assert.True(output.Files.ContainsKey("office-hours/atlas-weekly/calendar.ics"));
    }

    [Fact]
    public void A_join_link_that_is_not_a_web_address_is_not_made_a_link()
    {
        var (_, output) = TestSite.Build(TestSite.Config + """

            -- content/office-hours/odd.md --
            ---
            title: Odd
            start: 2026-11-18T11:00
            duration: 30m
            join_url: "javascript:alert(1)"
            ---
            """);
        Assert.DoesNotContain("javascript:", output.Text("office-hours/odd/index.html"));
    }

    [Fact]
    public void The_month_view_shows_the_build_month_and_the_next_two_with_sessions_on_their_days()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var page = Page(output, "office-hours/month/index.html");

        Assert.Equal(["November 2026", "December 2026", "January 2027"], page.QuerySelectorAll("section.month h2").Select(h => h.TextContent));
        var november = page.QuerySelector("#month-2026-11")!.ParentElement!;
        var cells = november.QuerySelectorAll("td:not(.outside)").ToList();
        Assert.Equal(30, cells.Count);
        Assert.Equal("date", cells[0].GetAttribute("aria-current")); // 1 November is the build's day
        Assert.Contains("Atlas weekly office hours", cells[2].TextContent); // 3 November
        Assert.Contains("15:00 GMT", cells[2].TextContent);
        Assert.NotNull(cells[9].QuerySelector("li.session-cancelled del")); // 10 November
        Assert.Contains("Sydney clinic", cells[4].TextContent);
        Assert.Equal(7, november.QuerySelectorAll("thead th").Length);
        Assert.NotNull(page.QuerySelector("a[href='webcal://portal.example.internal/tools/office-hours/office-hours.ics']"));
    }

    [Fact]
    public void A_product_page_shows_its_next_sessions_and_its_calendar()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var page = Page(output, "products/atlas/index.html");

        var next = page.QuerySelectorAll("ul.next-sessions li.session").Select(SessionOf).ToList();
        Assert.Equal(
            [("Atlas weekly office hours", "2026-11-03T15:00:00Z"), ("Sydney clinic", "2026-11-05T09:30:00+11:00"), ("Atlas weekly office hours", "2026-11-17T15:00:00Z")],
            next);
        Assert.NotNull(page.QuerySelector("a[href='webcal://portal.example.internal/tools/products/atlas/office-hours.ics']"));
        Assert.NotNull(page.QuerySelector("a[href='/tools/products/atlas/office-hours.ics']"));
    }

    [Fact]
    public void Pages_say_so_when_there_is_nothing_upcoming()
    {
        var (_, output) = TestSite.Build(TestSite.Config + """

            -- content/office-hours/past.md --
            ---
            title: Past
            start: 2026-01-10T11:00
            duration: 30m
            ---
            """);
        Assert.Contains("No sessions in the next 8 weeks.", output.Text("office-hours/index.html"));
        Assert.Contains("No upcoming sessions.", output.Text("office-hours/past/index.html"));
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}

/// <summary>The home page's use of the next-sessions partial, as the default theme's home layout includes it.</summary>
public sealed class HomeNextSessionsTests
{
    [Fact]
    public void The_home_page_shows_the_next_three_sessions_of_all_series()
    {
        var files = OfficeHoursSites.Files.Replace("timezone: Europe/London\n", "timezone: Europe/London\ntheme: custom\n", StringComparison.Ordinal) + """

            -- themes/custom/layouts/home.html --
            <h1>{{ site.config.title }}</h1>
            {{ events = site.events; limit = 3; include 'partials/next-sessions.html' }}
            """;
        var (result, output) = TestSite.Build(files);
        Assert.True(result.Succeeded, TestSite.Errors(result));

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(output.Text("index.html"));
        var starts = page.QuerySelectorAll("ul.next-sessions li.session time.session-time").Select(t => t.GetAttribute("datetime"));
        Assert.Equal(["2026-11-03T15:00:00Z", "2026-11-05T09:30:00+11:00", "2026-11-17T15:00:00Z"], starts);
    }
}
