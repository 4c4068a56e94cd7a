using System.Globalization;
using System.Text;
using InternalSite.Model;
using InternalSite.Model.Schedule;
using NodaTime;

namespace InternalSite.Outputs.Calendars;

/// <summary>"Add to Google Calendar" and "Add to Outlook" links for one session: plain links, nothing loaded from those sites.</summary>
internal static class AddToCalendarLinks
{
    public static string Google(SiteModel site, Session session) =>
        "https://calendar.google.com/calendar/render?action=TEMPLATE" +
        Query("text", session.Title) +
        Query("dates", $"{Utc(session.Start, "yyyyMMdd'T'HHmmss'Z'")}/{Utc(session.End, "yyyyMMdd'T'HHmmss'Z'")}") +
        Query("ctz", session.TimeZoneId) +
        Query("details", Details(site, session.Series)) +
        Query("location", Where(session.Series));

    public static string Outlook(SiteModel site, Session session) =>
        "https://outlook.office.com/calendar/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent" +
        Query("subject", session.Title) +
        Query("startdt", Utc(session.Start, "yyyy-MM-dd'T'HH:mm:ss'Z'")) +
        Query("enddt", Utc(session.End, "yyyy-MM-dd'T'HH:mm:ss'Z'")) +
        Query("body", Details(site, session.Series)) +
        Query("location", Where(session.Series));

    /// <summary>The event's description, shared with the .ics files: summary, host, join link and the page.</summary>
    public static string Details(SiteModel site, OfficeHours series)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(series.Summary))
        {
            text.Append(series.Summary.Trim()).Append("\n\n");
        }

        if (series.Host is { } host)
        {
            text.Append("Host: ").Append(host).Append('\n');
        }

        if (series.JoinUrl is { } join)
        {
            text.Append("Join: ").Append(join).Append('\n');
        }

        text.Append("Details: ").Append(site.AbsoluteUrl(series.Route));
        return text.ToString();
    }

    public static string? Where(OfficeHours series) => series.Location ?? series.JoinUrl;

    private static string Query(string name, string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : $"&{name}={Uri.EscapeDataString(value)}";

    private static string Utc(ZonedDateTime time, string pattern) =>
        time.ToInstant().InUtc().LocalDateTime.ToString(pattern, CultureInfo.InvariantCulture);
}
