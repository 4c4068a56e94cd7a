using System.Collections;
using System.Globalization;
using InternalSite.Model;
using InternalSite.Model.Schedule;
using Scriban.Runtime;

namespace InternalSite.Outputs.Calendars;

/// <summary>
/// What the office-hours layouts call. One <see cref="SiteSchedule"/> per renderer, so each series is expanded once
/// per build however many pages show it.
/// </summary>
internal static class CalendarTemplateFunctions
{
    public static void Import(ScriptObject functions, SiteModel site)
    {
        var schedule = new SiteSchedule(site);
        functions.Import("upcoming_sessions", new Func<object?, object?, IReadOnlyList<Session>>((events, limit) => schedule.Upcoming(SeriesIn(events), Count(limit, 3))));
        functions.Import("session_weeks", new Func<object?, IReadOnlyList<SessionWeek>>(events => schedule.Weeks(SeriesIn(events))));
        functions.Import("session_months", new Func<object?, IReadOnlyList<SessionMonth>>(events => schedule.MonthGrid(SeriesIn(events))));
        functions.Import("series_dates", new Func<OfficeHours, object?, IReadOnlyList<Session>>((series, limit) => schedule.NextDates(series, Count(limit, 10))));
        functions.Import("series_schedule", new Func<OfficeHours, string>(SeriesDescription.Describe));
        functions.Import("google_calendar_url", new Func<Session, string>(s => AddToCalendarLinks.Google(site, s)));
        functions.Import("outlook_calendar_url", new Func<Session, string>(s => AddToCalendarLinks.Outlook(site, s)));
        functions.Import("all_office_hours_calendar", new Func<string>(() => OutputPaths.AllEventsCalendar));
        functions.Import("is_web_url", new Func<string?, bool>(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"));
    }

    private static IEnumerable<OfficeHours> SeriesIn(object? events) => events switch
    {
        OfficeHours one => [one],
        IEnumerable many => many.OfType<OfficeHours>(),
        _ => [],
    };

    private static int Count(object? value, int fallback) => value switch
    {
        null => fallback,
        int n => n,
        long n => (int)n,
        IConvertible c => Convert.ToInt32(c, CultureInfo.InvariantCulture),
        _ => fallback,
    };
}
