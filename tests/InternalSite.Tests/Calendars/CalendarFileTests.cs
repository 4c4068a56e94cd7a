using System.Text;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using InternalSite.Build;
using InternalSite.Tests.Support;
using NodaTime;

namespace InternalSite.Tests.Calendars;

/// <summary>The .ics files as calendar clients read them: paths, names, time zones, identity fields and line rules.</summary>
public sealed class CalendarFileTests
{
    private static readonly string[] CalendarPaths =
    [
        "office-hours/office-hours.ics",
        "products/atlas/office-hours.ics",
        "office-hours/atlas-weekly/calendar.ics",
        "office-hours/sydney-clinic/calendar.ics",
        "office-hours/launch-q-and-a/calendar.ics",
    ];

    [Fact]
    public void Every_calendar_is_written_at_its_path_and_parses_back_with_Ical_Net()
    {
        var (result, output) = TestSite.Build(OfficeHoursSites.Files);
        Assert.True(result.Succeeded, TestSite.Errors(result));

        var written = output.Files.Keys.Where(k => k.EndsWith(".ics", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(CalendarPaths.Order(StringComparer.Ordinal), written);
        foreach (var path in CalendarPaths)
        {
            var calendar = IcsAssert.Load(output.Files[path]);
            Assert.NotEmpty(calendar.Events);
            IcsAssert.LinesAreFoldedWithCrlf(output.Files[path], path);
        }

        Assert.Equal(3, IcsAssert.Load(output.Files["office-hours/office-hours.ics"]).Events.Count);
        Assert.Equal(2, IcsAssert.Load(output.Files["products/atlas/office-hours.ics"]).Events.Count);
    }

    [Fact]
    public void Calendars_carry_a_name_and_a_refresh_interval()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);

        var all = IcsAssert.Load(output.Files["office-hours/office-hours.ics"]);
        Assert.Equal("Test Portal: office hours", all.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal("Test Portal: office hours", all.Properties["NAME"]!.Value);
        Assert.Equal("PUBLISH", all.Method);
        var refresh = all.Properties["REFRESH-INTERVAL"]!;
        Assert.Equal("DURATION", refresh.Parameters.Get("VALUE"));
        Assert.Equal("PT12H", refresh.Value?.ToString());

        var product = IcsAssert.Load(output.Files["products/atlas/office-hours.ics"]);
        Assert.Equal("Atlas office hours", product.Properties["X-WR-CALNAME"]!.Value);
        var series = IcsAssert.Load(output.Files["office-hours/sydney-clinic/calendar.ics"]);
        Assert.Equal("Sydney clinic", series.Properties["NAME"]!.Value);
    }

    [Fact]
    public void Every_TZID_used_has_a_VTIMEZONE_with_standard_and_daylight_rules()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        foreach (var path in CalendarPaths)
        {
            var text = Encoding.UTF8.GetString(output.Files[path]);
            var used = Regex.Matches(text, @";TZID=([^:;]+)[:;]").Select(m => m.Groups[1].Value).ToHashSet();
            var calendar = IcsAssert.Load(output.Files[path]);
            var defined = calendar.TimeZones.Select(z => z.TzId).ToHashSet();
            Assert.NotEmpty(used);
            Assert.Equal(used.Order(), defined.Order()!);
            foreach (var zone in calendar.TimeZones)
            {
                var kinds = zone.TimeZoneInfos.Select(i => i.Name).ToHashSet();
                Assert.Contains("STANDARD", kinds);
                Assert.Contains("DAYLIGHT", kinds);
            }

            // Outlook reads VTIMEZONEs before the events that use them.
            Assert.True(text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal) < text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal), path);
        }
    }

    [Fact]
    public void The_VTIMEZONE_offsets_agree_with_tzdb_in_both_hemispheres()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var text = Encoding.UTF8.GetString(output.Files["office-hours/office-hours.ics"]);

        Assert.Contains("TZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nDTSTART:20250330T010000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZNAME:BST\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n", text);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20251026T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZNAME:GMT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n", text);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20250406T030000\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\nTZNAME:AEST\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\n", text);
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20251005T020000\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10\r\nTZNAME:AEDT\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\n", text);
    }

    [Fact]
    public void A_zone_without_daylight_saving_gets_one_standard_block()
    {
        var (result, output) = TestSite.Build(TestSite.Config + """

            -- content/office-hours/tokyo.md --
            ---
            title: Tokyo
            start: 2026-11-05T10:00
            duration: 30m
            timezone: Asia/Tokyo
            recurrence: FREQ=WEEKLY;COUNT=3
            ---
            """);
        Assert.True(result.Succeeded, TestSite.Errors(result));

        var zone = Assert.Single(IcsAssert.Load(output.Files["office-hours/tokyo/calendar.ics"]).TimeZones);
        var info = Assert.Single(zone.TimeZoneInfos);
        Assert.Equal("STANDARD", info.Name);
        Assert.Equal(TimeSpan.FromHours(9), info.OffsetTo!.Offset);
        Assert.Null(info.RecurrenceRule);
    }

    [Fact]
    public void A_UTC_series_is_written_in_UTC_without_a_VTIMEZONE()
    {
        var (result, output) = TestSite.Build(TestSite.Config.Replace("timezone: Europe/London\n", string.Empty, StringComparison.Ordinal) + """

            -- content/office-hours/utc.md --
            ---
            title: UTC
            start: 2026-11-18T11:00
            duration: 30m
            recurrence: FREQ=DAILY;COUNT=3
            cancelled: [2026-11-19]
            ---
            """);
        Assert.True(result.Succeeded, TestSite.Errors(result));

        var text = Encoding.UTF8.GetString(output.Files["office-hours/utc/calendar.ics"]);
        Assert.DoesNotContain("VTIMEZONE", text);
        Assert.Contains("\r\nDTSTART:20261118T110000Z\r\n", text);
        Assert.Contains("\r\nEXDATE:20261119T110000Z\r\n", text);
        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/utc/calendar.ics"]).Events);
        Assert.Equal(2, IcsAssert.Occurrences(e, Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0)).Count);
    }

    [Fact]
    public void UIDs_come_from_the_series_and_are_the_same_in_every_calendar()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        const string uid = "office-hours-atlas-weekly@portal.example.internal";
        foreach (var path in new[] { "office-hours/office-hours.ics", "products/atlas/office-hours.ics", "office-hours/atlas-weekly/calendar.ics" })
        {
            Assert.Contains(IcsAssert.Load(output.Files[path]).Events, e => e.Uid == uid);
        }
    }

    [Fact]
    public void RRULE_is_as_written_with_UNTIL_in_UTC_and_an_EXDATE_per_cancelled_session()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var text = Encoding.UTF8.GetString(output.Files["office-hours/atlas-weekly/calendar.ics"]);

        Assert.Contains("\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T235959Z\r\n", text);
        Assert.Contains("\r\nEXDATE;TZID=Europe/London:20261110T150000,20261222T150000\r\n", text);
        Assert.Contains("\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=20\r\n", Encoding.UTF8.GetString(output.Files["office-hours/sydney-clinic/calendar.ics"]));

        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/atlas-weekly/calendar.ics"]).Events);
        Assert.Equal(2, e.ExceptionDates.GetAllDates().Count());
    }

    [Fact]
    public void A_local_UNTIL_is_read_in_the_series_zone()
    {
        var (_, output) = TestSite.Build(TestSite.Config + """

            -- content/office-hours/summer.md --
            ---
            title: Summer
            start: 2026-06-03T15:00
            duration: 1h
            timezone: Europe/London
            recurrence: FREQ=WEEKLY;UNTIL=20260701T150000
            ---
            """);

        // 15:00 BST is 14:00 UTC: the last session (1 July) is kept.
        var text = Encoding.UTF8.GetString(output.Files["office-hours/summer/calendar.ics"]);
        Assert.Contains("\r\nRRULE:FREQ=WEEKLY;UNTIL=20260701T140000Z\r\n", text);
        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/summer/calendar.ics"]).Events);
        var starts = IcsAssert.Occurrences(e, Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0));
        Assert.Equal(new LocalDateTime(2026, 7, 1, 15, 0), starts[^1].Local);
        Assert.Equal(5, starts.Count);
    }

    [Fact]
    public void A_single_cancelled_session_is_published_as_cancelled()
    {
        var (_, output) = TestSite.Build(TestSite.Config + """

            -- content/office-hours/one-off.md --
            ---
            title: One-off
            start: 2026-11-20T10:00
            duration: 1h
            cancelled: [2026-11-20]
            ---
            """);

        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/one-off/calendar.ics"]).Events);
        Assert.Equal("CANCELLED", e.Status);
        Assert.Null(e.RecurrenceRule);
    }

    [Fact]
    public void DTSTAMP_comes_from_the_content_and_SEQUENCE_rises_with_updated()
    {
        static CalendarEvent Series(string updated, Instant now)
        {
            var (result, output) = TestSite.Build(TestSite.Config + $$"""

                -- content/office-hours/weekly.md --
                ---
                title: Weekly
                date: 2026-09-01
                {{updated}}
                start: 2026-10-06T15:00
                duration: 1h
                recurrence: FREQ=WEEKLY;COUNT=5
                ---
                """, new BuildOptions { Now = now });
            Assert.True(result.Succeeded, TestSite.Errors(result));
            return Assert.Single(IcsAssert.Load(output.Files["office-hours/weekly/calendar.ics"]).Events);
        }

        var original = Series(string.Empty, TestSite.Now);
        var laterBuild = Series(string.Empty, TestSite.Now + Duration.FromDays(30));
        var edited = Series("updated: 2026-10-01", TestSite.Now);
        var editedAgain = Series("updated: 2026-10-20", TestSite.Now);

        Assert.Equal(new DateTime(2026, 8, 31, 23, 0, 0), original.DtStamp!.Value);
        Assert.Equal(original.DtStamp, laterBuild.DtStamp);
        Assert.Equal(0, original.Sequence);
        Assert.Equal(new DateTime(2026, 9, 30, 23, 0, 0), edited.DtStamp!.Value);
        Assert.True(edited.Sequence > original.Sequence);
        Assert.True(editedAgain.Sequence > edited.Sequence);
    }

    [Fact]
    public void Calendars_are_byte_identical_across_builds_even_at_another_build_time()
    {
        var (_, first) = TestSite.Build(OfficeHoursSites.Files);
        var (_, second) = TestSite.Build(OfficeHoursSites.Files);
        var (_, later) = TestSite.Build(OfficeHoursSites.Files, new BuildOptions { Now = TestSite.Now + Duration.FromDays(3) });

        foreach (var path in CalendarPaths)
        {
            Assert.Equal(first.Files[path], second.Files[path]);
            Assert.Equal(first.Files[path], later.Files[path]);
        }
    }

    [Fact]
    public void A_site_without_office_hours_still_has_the_calendar_its_page_links_to()
    {
        var (result, output) = TestSite.Build(TestSite.Config);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        var calendar = IcsAssert.Load(output.Files["office-hours/office-hours.ics"]);
        Assert.Empty(calendar.Events);
        IcsAssert.LinesAreFoldedWithCrlf(output.Files["office-hours/office-hours.ics"], "office-hours/office-hours.ics");
    }
}
