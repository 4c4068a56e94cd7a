using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using InternalSite.Outputs.Calendars;
using NodaTime;

namespace InternalSite.Tests.Calendars;

/// <summary>
/// The VTIMEZONEs we write, expanded by Ical.Net, give exactly tzdb's transitions (offsets before and after) for a
/// decade, in zones with and without daylight saving and in both hemispheres.
/// </summary>
public sealed class TimeZoneDefinitionTests
{
    [Theory]
    [InlineData("Europe/London", 2026)]
    [InlineData("Australia/Sydney", 2026)]
    [InlineData("America/New_York", 2026)]
    [InlineData("America/Santiago", 2026)]
    [InlineData("Pacific/Auckland", 2025)]
    [InlineData("Europe/Berlin", 2019)]
    [InlineData("Asia/Singapore", 2026)]
    [InlineData("Asia/Tehran", 2026)]
    [InlineData("Africa/Casablanca", 2026)]
    public void The_VTIMEZONE_reproduces_tzdb_transitions(string zoneId, int firstYear)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var written = TimeZoneDefinitions.For(zone, firstYear);

        // Through Ical.Net's own serializer and parser, as a client would see it.
        var calendar = new Calendar();
        calendar.TimeZones.Add(written);
        var parsed = Assert.Single(Calendar.Load(new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar)!)!.TimeZones);
        Assert.Equal(zoneId, parsed.TzId);

        var from = Instant.FromUtc(firstYear - 1, 1, 1, 0, 0);
        var to = Instant.FromUtc(firstYear + 10, 1, 1, 0, 0);
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        var expected = intervals.Zip(intervals.Skip(1))
            .Where(pair => pair.Second.Start > from && pair.First.WallOffset != pair.Second.WallOffset)
            .Select(pair => (At: pair.Second.Start, To: pair.Second.WallOffset))
            .ToList();

        var actual = new List<(Instant At, Offset To)>();
        foreach (var info in parsed.TimeZoneInfos)
        {
            var offsetFrom = Offset.FromTimeSpan(info.OffsetFrom!.Offset);
            var offsetTo = Offset.FromTimeSpan(info.OffsetTo!.Offset);
            foreach (var local in Starts(info, firstYear + 10))
            {
                var at = local.WithOffset(offsetFrom).ToInstant();
                if (at > from && at < to && offsetFrom != offsetTo)
                {
                    actual.Add((at, offsetTo));
                }
            }

            if (info.RecurrenceRule is null && expected.Count == 0)
            {
                Assert.Equal(zone.GetUtcOffset(from), offsetTo);
            }
        }

        Assert.Equal(expected, actual.OrderBy(a => a.At));
    }

    private static IEnumerable<LocalDateTime> Starts(VTimeZoneInfo info, int untilYear)
    {
        var start = info.DtStart!;
        var first = new LocalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second);
        if (info.RecurrenceRule is null)
        {
            return [first];
        }

        var probe = new CalendarEvent { DtStart = new CalDateTime(first.Year, first.Month, first.Day, first.Hour, first.Minute, first.Second, "UTC"), RecurrenceRule = info.RecurrenceRule };
        return probe.GetOccurrences()
            .Select(o => o.Period.StartTime.Value)
            .TakeWhile(d => d.Year <= untilYear)
            .Select(LocalDateTime.FromDateTime)
            .ToList();
    }
}
