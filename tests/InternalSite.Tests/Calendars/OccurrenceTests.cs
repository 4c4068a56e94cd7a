using System.Text;
using InternalSite.Tests.Support;
using NodaTime;

namespace InternalSite.Tests.Calendars;

/// <summary>
/// The calendars, expanded by Ical.Net as a client would, give sessions at the writer's wall-clock time on both sides
/// of DST changes in both hemispheres, without the cancelled ones; awkward titles survive the round trip.
/// </summary>
public sealed class OccurrenceTests
{
    private static readonly Instant From = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2028, 1, 1, 0, 0);

    [Fact]
    public void A_weekly_London_session_stays_at_15_00_London_time_across_the_end_of_BST_without_cancelled_dates()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/atlas-weekly/calendar.ics"]).Events);
        var occurrences = IcsAssert.Occurrences(e, From, To);

        // Every Tuesday from 6 Oct to 29 Dec 2026 (13 Tuesdays) but 10 Nov and 22 Dec.
        var expected = Enumerable.Range(0, 13).Select(w => new LocalDate(2026, 10, 6).PlusWeeks(w))
            .Where(d => d != new LocalDate(2026, 11, 10) && d != new LocalDate(2026, 12, 22))
            .Select(d => d.At(new LocalTime(15, 0)))
            .ToList();
        Assert.Equal(expected, occurrences.Select(o => o.Local).ToList());

        // Same wall-clock time, different UTC time: BST (UTC+1) before 25 Oct, GMT after.
        Assert.Equal(Instant.FromUtc(2026, 10, 20, 14, 0), occurrences.Single(o => o.Local.Date == new LocalDate(2026, 10, 20)).Utc);
        Assert.Equal(Instant.FromUtc(2026, 10, 27, 15, 0), occurrences.Single(o => o.Local.Date == new LocalDate(2026, 10, 27)).Utc);
    }

    [Fact]
    public void A_fortnightly_Sydney_session_stays_at_09_30_Sydney_time_across_both_of_its_DST_changes()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/sydney-clinic/calendar.ics"]).Events);
        var occurrences = IcsAssert.Occurrences(e, From, To);

        var expected = Enumerable.Range(0, 20).Select(i => new LocalDate(2026, 9, 24).PlusWeeks(2 * i).At(new LocalTime(9, 30))).ToList();
        Assert.Equal(expected, occurrences.Select(o => o.Local).ToList());

        // AEST (UTC+10) in September, AEDT (UTC+11) from 4 Oct 2026, AEST again from 4 Apr 2027.
        Assert.Equal(Instant.FromUtc(2026, 9, 23, 23, 30), occurrences[0].Utc);
        Assert.Equal(Instant.FromUtc(2026, 10, 7, 22, 30), occurrences[1].Utc);
        Assert.Equal(Instant.FromUtc(2027, 4, 7, 23, 30), occurrences.Single(o => o.Local.Date == new LocalDate(2027, 4, 8)).Utc);
    }

    [Fact]
    public void The_all_office_hours_calendar_expands_to_the_same_sessions_as_the_series_calendars()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var all = IcsAssert.Load(output.Files["office-hours/office-hours.ics"]);
        foreach (var path in new[] { "office-hours/atlas-weekly/calendar.ics", "office-hours/sydney-clinic/calendar.ics", "office-hours/launch-q-and-a/calendar.ics" })
        {
            var single = Assert.Single(IcsAssert.Load(output.Files[path]).Events);
            var same = all.Events.Single(e => e.Uid == single.Uid);
            Assert.Equal(IcsAssert.Occurrences(single, From, To), IcsAssert.Occurrences(same, From, To));
        }
    }

    [Fact]
    public void A_one_off_session_in_New_York_is_at_its_local_time_with_its_end()
    {
        var (_, output) = TestSite.Build(OfficeHoursSites.Files);
        var e = Assert.Single(IcsAssert.Load(output.Files["office-hours/launch-q-and-a/calendar.ics"]).Events);
        var occurrence = Assert.Single(IcsAssert.Occurrences(e, From, To));
        Assert.Equal(new LocalDateTime(2026, 11, 18, 11, 0), occurrence.Local);
        Assert.Equal(TimeSpan.FromMinutes(90), e.DtEnd!.Value - e.DtStart!.Value);
    }

    [Theory]
    [InlineData("Launch Q&A, part 1; the \\\\big\\\\ one 🚀\\nsecond line", "Launch Q&A, part 1; the \\big\\ one 🚀\nsecond line")]
    [InlineData("Ünïcödé ✨ office hours with a very long title that must be folded somewhere in the middle 🧭🧭🧭🧭🧭🧭🧭, really", "Ünïcödé ✨ office hours with a very long title that must be folded somewhere in the middle 🧭🧭🧭🧭🧭🧭🧭, really")]
    [InlineData("Semi;colons;and,commas,and\\\\back\\\\slashes\\\\", "Semi;colons;and,commas,and\\back\\slashes\\")]
    public void Awkward_titles_survive_escaping_and_folding(string yamlTitle, string expected)
    {
        var (result, output) = TestSite.Build(TestSite.Config + $$"""

            -- content/office-hours/awkward.md --
            ---
            title: "{{yamlTitle}}"
            summary: "Line one\nLine two, with; punctuation \\ and more"
            start: 2026-11-18T11:00
            duration: 30m
            location: "Room 1, Floor 2; Building \\A\\"
            ---
            """);
        Assert.True(result.Succeeded, TestSite.Errors(result));

        foreach (var path in new[] { "office-hours/awkward/calendar.ics", "office-hours/office-hours.ics" })
        {
            var bytes = output.Files[path];
            IcsAssert.LinesAreFoldedWithCrlf(bytes, path);
            var e = Assert.Single(IcsAssert.Load(bytes).Events);
            Assert.Equal(expected, e.Summary);
            Assert.Equal("Room 1, Floor 2; Building \\A\\", e.Location);
            Assert.StartsWith("Line one\nLine two, with; punctuation \\ and more\n\n", e.Description);
        }

        var text = Encoding.UTF8.GetString(output.Files["office-hours/awkward/calendar.ics"]);
        Assert.Contains("LOCATION:Room 1\\, Floor 2\\; Building \\\\A\\\\\r\n", text);
    }
}
