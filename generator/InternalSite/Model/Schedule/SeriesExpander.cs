using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace InternalSite.Model.Schedule;

/// <summary>
/// Expands a series into its sessions with Ical.Net's RRULE evaluation, the same reading of the rule a calendar client
/// makes, so the pages and the .ics files cannot disagree. Times stay wall-clock times in the series' zone: a weekly
/// 15:00 London session is at 15:00 on both sides of a DST change.
/// </summary>
public static class SeriesExpander
{
    /// <summary>
    /// At most this many sessions per series and window: an HOURLY or MINUTELY rule is valid RRULE but would
    /// otherwise fill pages (and memory) with hundreds of thousands of sessions.
    /// </summary>
    public const int MaxSessions = 1000;

    /// <summary>Sessions (cancelled ones included, flagged) that end after <paramref name="from"/> and start before <paramref name="to"/>.</summary>
    public static IReadOnlyList<Session> Expand(OfficeHours series, Instant from, Instant to)
    {
        var cancelled = series.Cancelled.ToHashSet();
        var rule = SeriesRecurrence.RuleFor(series);
        if (rule is null)
        {
            var single = series.StartZoned;
            var session = new Session(series, single, cancelled.Contains(single.Date));
            return session.End.ToInstant() > from && single.ToInstant() < to ? [session] : [];
        }

        var evaluated = new CalendarEvent
        {
            DtStart = ToCalDateTime(series.Start, series.TimeZoneId),
            Duration = Ical.Net.DataTypes.Duration.FromSeconds((int)series.Duration.TotalSeconds),
            RecurrenceRule = new RecurrencePattern(rule),
        };

        // Start a little early so a session already under way at 'from' is kept; stop at the first start past 'to'.
        var searchFrom = from - series.Duration - NodaTime.Duration.FromDays(1);
        var sessions = new List<Session>();
        foreach (var occurrence in evaluated.GetOccurrences(ToCalDateTime(searchFrom.InZone(series.TimeZone).LocalDateTime, series.TimeZoneId)))
        {
            var local = LocalDateTime.FromDateTime(occurrence.Period.StartTime.Value);
            var start = local.InZoneLeniently(series.TimeZone);
            if (start.ToInstant() >= to || sessions.Count >= MaxSessions)
            {
                break;
            }

            var session = new Session(series, start, cancelled.Contains(start.Date));
            if (session.End.ToInstant() > from)
            {
                sessions.Add(session);
            }
        }

        return sessions;
    }

    internal static CalDateTime ToCalDateTime(LocalDateTime local, string zoneId) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zoneId);
}
