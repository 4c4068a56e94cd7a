using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;

namespace InternalSite.Model.Schedule;

/// <summary>A week of the office-hours page: Monday to Sunday, with its sessions in start order.</summary>
public sealed record SessionWeek(LocalDate Start, LocalDate End, IReadOnlyList<Session> Sessions)
{
    public string Id => "week-" + Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One day cell of the month view.</summary>
public sealed record CalendarDay(LocalDate Date, bool InMonth, bool IsToday, IReadOnlyList<Session> Sessions)
{
    public int Day => Date.Day;
}

/// <summary>One month of the month view: weeks of seven days, Monday first, padded with the neighbouring months' days.</summary>
public sealed record SessionMonth(YearMonth Month, IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks)
{
    public string Title => Month.OnDayOfMonth(1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public string Id => "month-" + Month.OnDayOfMonth(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public int SessionCount => Weeks.Sum(w => w.Where(d => d.InMonth).Sum(d => d.Sessions.Count(s => !s.Cancelled)));
}

/// <summary>
/// The sessions of every series around the build time, expanded once per build and shared by all pages. Everything
/// is judged against <see cref="SiteModel.BuildTime"/>, never the clock, so a rebuild of the same content at the same
/// build time gives the same pages.
/// </summary>
public sealed class SiteSchedule(SiteModel site)
{
    /// <summary>How far ahead the pages look: the office-hours page shows this many weeks.</summary>
    public const int UpcomingWeeks = 8;

    /// <summary>How many months the month view shows, starting with the build's month.</summary>
    public const int Months = 3;

    private static readonly Duration Horizon = Duration.FromDays(400);
    private readonly ConcurrentDictionary<OfficeHours, Lazy<IReadOnlyList<Session>>> expanded = new();

    public Instant Now => site.BuildTime;

    public LocalDate Today => site.BuildTime.InZone(site.Config.TimeZone).Date;

    /// <summary>The next <paramref name="limit"/> sessions that happen (not cancelled), soonest first.</summary>
    public IReadOnlyList<Session> Upcoming(IEnumerable<OfficeHours> series, int limit) =>
        series.SelectMany(SessionsOf)
            .Where(s => !s.Cancelled && s.End.ToInstant() > Now)
            .OrderBy(s => s.StartInstant).ThenBy(s => s.Series.Route, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    /// <summary>The next <paramref name="limit"/> dates of one series, cancelled ones included so pages can strike them through.</summary>
    public IReadOnlyList<Session> NextDates(OfficeHours series, int limit) =>
        SessionsOf(series).Where(s => s.End.ToInstant() > Now).Take(limit).ToList();

    /// <summary>Sessions of the next <see cref="UpcomingWeeks"/> weeks, grouped by the Monday-to-Sunday week of their own local date.</summary>
    public IReadOnlyList<SessionWeek> Weeks(IEnumerable<OfficeHours> series)
    {
        var until = Now + Duration.FromDays(7 * UpcomingWeeks);
        return series.SelectMany(SessionsOf)
            .Where(s => s.End.ToInstant() > Now && s.StartInstant < until)
            .OrderBy(s => s.StartInstant).ThenBy(s => s.Series.Route, StringComparer.Ordinal)
            .GroupBy(s => MondayOf(s.Date))
            .OrderBy(g => g.Key)
            .Select(g => new SessionWeek(g.Key, g.Key.PlusDays(6), g.ToList()))
            .ToList();
    }

    /// <summary>The build's month and the following ones, as calendar grids.</summary>
    public IReadOnlyList<SessionMonth> MonthGrid(IEnumerable<OfficeHours> series)
    {
        var all = series.SelectMany(SessionsOf)
            .OrderBy(s => s.StartInstant).ThenBy(s => s.Series.Route, StringComparer.Ordinal)
            .ToLookup(s => s.Date);
        var first = Today.ToYearMonth();
        var months = new List<SessionMonth>();
        for (var i = 0; i < Months; i++)
        {
            var month = first.OnDayOfMonth(1).PlusMonths(i).ToYearMonth();
            var weeks = new List<IReadOnlyList<CalendarDay>>();
            for (var monday = MondayOf(month.OnDayOfMonth(1)); monday <= month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)); monday = monday.PlusDays(7))
            {
                weeks.Add(Enumerable.Range(0, 7).Select(d => monday.PlusDays(d))
                    .Select(date => new CalendarDay(date, date.ToYearMonth() == month, date == Today, date.ToYearMonth() == month ? all[date].ToList() : []))
                    .ToList());
            }

            months.Add(new SessionMonth(month, weeks));
        }

        return months;
    }

    /// <summary>Every session of a series from a little before the build's month to about a year ahead.</summary>
    public IReadOnlyList<Session> SessionsOf(OfficeHours series) =>
        expanded.GetOrAdd(series, s => new Lazy<IReadOnlyList<Session>>(() =>
        {
            var from = Today.ToYearMonth().OnDayOfMonth(1).PlusDays(-7).AtStartOfDayInZone(s.TimeZone).ToInstant();
            return SeriesExpander.Expand(s, from, Now + Horizon);
        })).Value;

    private static LocalDate MondayOf(LocalDate date) => date.PlusDays(-((int)date.DayOfWeek - 1));
}
