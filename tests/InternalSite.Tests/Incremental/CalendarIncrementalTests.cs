using System.Text;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// The office-hours calendars (.ics) are made again only when a series they hold (or its product, or the config)
/// changed; otherwise the last build's files are kept, and the output still equals a full build's.
/// </summary>
public sealed class CalendarIncrementalTests
{
    private const string Series = "content/office-hours/weekly.md";
    private const string SeriesCalendar = "office-hours/weekly/calendar.ics";
    private const string AllCalendar = "office-hours/office-hours.ics";
    private const string AtlasCalendar = "products/atlas/office-hours.ics";

    private static (IncrementalHarness Site, IReadOnlyDictionary<string, byte[]> Before) After(Action<IncrementalHarness> edit)
    {
        var files = SampleSite.Files();
        files[Series] = "---\ntitle: Weekly clinic\nstart: 2026-03-03T15:00\nduration: 1h\ntimezone: America/New_York\n"
            + "recurrence: FREQ=WEEKLY;BYDAY=TU;COUNT=20\nhost: Dana\nproduct: atlas\n---\nBring your maps.\n";
        var site = new IncrementalHarness(files);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        var before = site.Output;
        Assert.Contains(SeriesCalendar, before.Keys);
        edit(site);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        site.AssertSameAsFullBuild();
        return (site, before);
    }

    private static readonly string[] Calendars = [SeriesCalendar, AllCalendar, AtlasCalendar];

    [Fact]
    public void An_edit_elsewhere_keeps_every_calendar()
    {
        var (site, before) = After(s => s.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel."));

        Assert.All(Calendars, path => Assert.Same(before[path], site.Output[path]));
    }

    [Fact]
    public void A_series_edit_makes_its_calendars_again()
    {
        var (site, before) = After(s => s.Edit(Series, "host: Dana", "host: Eve"));

        Assert.All(Calendars, path => Assert.NotSame(before[path], site.Output[path]));
        Assert.Contains("Eve", Encoding.UTF8.GetString(site.Output[SeriesCalendar]));
    }

    [Fact]
    public void A_series_summary_from_its_body_makes_its_calendars_again()
    {
        var (site, _) = After(s => s.Edit(Series, "Bring your maps.", "Bring your charts."));

        Assert.Contains("Bring your charts.", Encoding.UTF8.GetString(site.Output[SeriesCalendar]));
    }

    [Fact]
    public void A_product_rename_makes_its_calendars_again()
    {
        var (site, before) = After(s => s.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n"));

        Assert.Contains("Atlas Maps", Encoding.UTF8.GetString(site.Output[SeriesCalendar]));
        Assert.NotSame(before[AtlasCalendar], site.Output[AtlasCalendar]);
    }
}
