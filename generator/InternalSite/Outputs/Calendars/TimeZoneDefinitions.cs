using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;

namespace InternalSite.Outputs.Calendars;

/// <summary>
/// Writes a VTIMEZONE for a zone from NodaTime's tzdb, as Outlook and Google need one for every TZID they see.
/// Where the zone's transitions follow a yearly "nth weekday of a month" rule (as Europe/London's last Sunday of March
/// and October do), the rule is written as an RRULE and checked against tzdb for the years it must cover; otherwise
/// each transition is written out. A zone without transitions gets one STANDARD block.
/// </summary>
internal static class TimeZoneDefinitions
{
    /// <summary>How many years past the last covered year the rule is checked for.</summary>
    private const int CheckedYears = 20;

    /// <param name="firstYear">The earliest year a session of the calendar falls in: the definition starts the year before.</param>
    public static VTimeZone For(DateTimeZone zone, int firstYear)
    {
        var fromYear = firstYear - 1;
        var toYear = firstYear + CheckedYears;
        var timeZone = new VTimeZone { TzId = zone.Id };
        var transitions = Transitions(zone, fromYear, toYear);
        if (transitions.Count == 0)
        {
            var offset = zone.GetUtcOffset(Instant.FromUtc(fromYear, 1, 1, 0, 0));
            var name = zone.GetZoneInterval(Instant.FromUtc(fromYear, 1, 1, 0, 0)).Name;
            timeZone.TimeZoneInfos.Add(Block("STANDARD", new LocalDateTime(1970, 1, 1, 0, 0), offset, offset, name, null));
            return timeZone;
        }

        var firstYearTransitions = transitions.Where(t => t.Local.Year == transitions[0].Local.Year).ToList();
        var rules = firstYearTransitions.Select(t => (Transition: t, Rule: YearlyRule(t.Local))).ToList();
        if (rules.All(r => r.Rule is not null) && RulesReproduce(rules.Select(r => (r.Transition, r.Rule!.Value)).ToList(), transitions))
        {
            foreach (var (t, rule) in rules)
            {
                timeZone.TimeZoneInfos.Add(Block(t.Kind, t.Local, t.From, t.To, t.Name, rule!.Value.ToRecurrence()));
            }

            return timeZone;
        }

        foreach (var t in transitions)
        {
            timeZone.TimeZoneInfos.Add(Block(t.Kind, t.Local, t.From, t.To, t.Name, null));
        }

        return timeZone;
    }

    private static List<Transition> Transitions(DateTimeZone zone, int fromYear, int toYear)
    {
        var start = Instant.FromUtc(fromYear, 1, 1, 0, 0);
        var end = Instant.FromUtc(toYear + 1, 1, 1, 0, 0);
        var list = new List<Transition>();
        ZoneInterval? previous = null;
        foreach (var interval in zone.GetZoneIntervals(start, end))
        {
            if (previous is not null && interval.HasStart && interval.Start >= start)
            {
                // The transition's local time is read on the clock in force before it (RFC 5545, 3.6.5).
                var local = interval.Start.WithOffset(previous.WallOffset).LocalDateTime;
                var kind = interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD";
                if (previous.WallOffset != interval.WallOffset || previous.Name != interval.Name)
                {
                    list.Add(new Transition(kind, local, previous.WallOffset, interval.WallOffset, interval.Name));
                }
            }

            previous = interval;
        }

        return list;
    }

    private static bool RulesReproduce(List<(Transition Transition, YearRule Rule)> rules, List<Transition> actual)
    {
        var firstYear = actual[0].Local.Year;
        var predicted = Enumerable.Range(firstYear, actual[^1].Local.Year - firstYear + 1)
            .SelectMany(year => rules.Select(r => r.Transition with { Local = r.Rule.In(year).At(r.Transition.Local.TimeOfDay) }))
            .Where(t => t.Local >= actual[0].Local && t.Local <= actual[^1].Local)
            .OrderBy(t => t.Local)
            .ToList();
        return predicted.SequenceEqual(actual);
    }

    /// <summary>The "nth (or last) weekday of the month" a date is, if it can be said that way.</summary>
    private static YearRule? YearlyRule(LocalDateTime local)
    {
        var date = local.Date;
        var daysInMonth = date.Calendar.GetDaysInMonth(date.Year, date.Month);
        if (date.Day + 7 > daysInMonth)
        {
            return new YearRule(date.Month, date.DayOfWeek, -1);
        }

        var nth = ((date.Day - 1) / 7) + 1;
        return nth <= 4 ? new YearRule(date.Month, date.DayOfWeek, nth) : null;
    }

    private static VTimeZoneInfo Block(string kind, LocalDateTime start, Offset from, Offset to, string name, RecurrencePattern? rule)
    {
        var info = new VTimeZoneInfo
        {
            Name = kind,
            DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second),
            OffsetFrom = new UtcOffset(from.ToTimeSpan()),
            OffsetTo = new UtcOffset(to.ToTimeSpan()),
        };
        info.TimeZoneNames.Add(name);
        if (rule is not null)
        {
            info.RecurrenceRule = rule;
        }

        return info;
    }

    private sealed record Transition(string Kind, LocalDateTime Local, Offset From, Offset To, string Name);

    private readonly record struct YearRule(int Month, IsoDayOfWeek Day, int Nth)
    {
        public LocalDate In(int year) => Nth < 0
            ? DateAdjusters.PreviousOrSame(Day)(DateAdjusters.EndOfMonth(new LocalDate(year, Month, 1)))
            : DateAdjusters.NextOrSame(Day)(new LocalDate(year, Month, 1)).PlusWeeks(Nth - 1);

        public RecurrencePattern ToRecurrence() =>
            new($"FREQ=YEARLY;BYMONTH={Month};BYDAY={Nth}{DayCode(Day)}");

        private static string DayCode(IsoDayOfWeek day) => day.ToString()[..2].ToUpperInvariant();
    }
}
