using System.Collections;
using System.Globalization;
using InternalSite.Model;
using InternalSite.Model.Schedule;
using InternalSite.Templating;
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
        functions.Define<object?, object?, IReadOnlyList<Session>>("upcoming_sessions", (events, limit) => schedule.Upcoming(SeriesIn(events), Count(limit, 3)));
        functions.Define<object?, IReadOnlyList<SessionWeek>>("session_weeks", events => schedule.Weeks(SeriesIn(events)));
        functions.Define<object?, IReadOnlyList<SessionMonth>>("session_months", events => schedule.MonthGrid(SeriesIn(events)));
        functions.Define<OfficeHours, object?, IReadOnlyList<Session>>("series_dates", (series, limit) => schedule.NextDates(series, Count(limit, 10)));
        functions.Define<OfficeHours, string>("series_schedule", SeriesDescription.Describe);
        functions.Define<Session, string>("google_calendar_url", s => AddToCalendarLinks.Google(site, s));
        functions.Define<Session, string>("outlook_calendar_url", s => AddToCalendarLinks.Outlook(site, s));
        functions.Define<string>("all_office_hours_calendar", () => OutputPaths.AllEventsCalendar);
        functions.Define<string?, bool>("is_web_url", u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
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
