using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InternalSite.Model;
using InternalSite.Model.Schedule;
using NodaTime;

namespace InternalSite.Outputs.Calendars;

/// <summary>
/// One iCalendar file of office-hours series, written with Ical.Net as Google Calendar and Outlook read it: one
/// VEVENT per series with its RRULE and an EXDATE per cancelled session, a VTIMEZONE for every TZID, and nothing
/// taken from the clock, so the same content always gives the same bytes.
/// </summary>
internal static class OfficeHoursCalendar
{
    public const string ProductId = "-//InternalSite//Office hours//EN";

    /// <summary>How often subscribers are asked to refresh.</summary>
    public const string RefreshInterval = "PT12H";

    public static string Write(SiteModel site, string name, string route, IEnumerable<OfficeHours> series)
    {
        var ordered = series.OrderBy(s => s.Route, StringComparer.Ordinal).ToList();
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("NAME", name);
        calendar.AddProperty("X-WR-CALNAME", name);
        AddDuration(calendar, "REFRESH-INTERVAL", RefreshInterval);
        AddDuration(calendar, "X-PUBLISHED-TTL", RefreshInterval);
        var source = new CalendarProperty("SOURCE", site.AbsoluteUrl(route));
        source.Parameters.Add("VALUE", "URI");
        calendar.AddProperty(source);

        // Time zones first: Outlook resolves a TZID only against VTIMEZONEs it has already read.
        foreach (var zone in ordered.Where(s => !IsUtc(s.TimeZone)).GroupBy(s => s.TimeZoneId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            calendar.TimeZones.Add(TimeZoneDefinitions.For(zone.First().TimeZone, zone.Min(s => s.Start.Year)));
        }

        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ordered)
        {
            calendar.Events.Add(Event(site, item, rules));
        }

        var serialized = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return ContentLines.Fold(ContentLines.Unfold(serialized).Select(line => rules.GetValueOrDefault(line, line)));
    }

    private static CalendarEvent Event(SiteModel site, OfficeHours series, Dictionary<string, string> rules)
    {
        var zoneId = IsUtc(series.TimeZone) ? "UTC" : series.TimeZoneId;
        var start = series.StartZoned;
        var end = start.Plus(series.Duration).WithZone(series.TimeZone);
        var rule = SeriesRecurrence.RuleFor(series);
        var e = new CalendarEvent
        {
            Uid = SeriesIdentity.Uid(site, series),
            DtStamp = Utc(SeriesIdentity.Stamp(series)),
            Sequence = SeriesIdentity.Sequence(series),
            DtStart = SeriesExpander.ToCalDateTime(series.Start, zoneId),
            DtEnd = SeriesExpander.ToCalDateTime(end.LocalDateTime, zoneId),
            Summary = series.Title,
            Description = AddToCalendarLinks.Details(site, series),
            Location = AddToCalendarLinks.Where(series),
            Url = new Uri(site.AbsoluteUrl(series.Route)),
            Status = rule is null && series.Cancelled.Contains(series.Start.Date) ? "CANCELLED" : "CONFIRMED",
        };
        if (series.Date is { } created)
        {
            e.Created = Utc(created.ToInstant());
        }

        if (series.LastModified is { } modified)
        {
            e.LastModified = Utc(modified.ToInstant());
        }

        if (series.Product is { } product)
        {
            e.Categories.Add(product.Title);
        }

        if (rule is not null)
        {
            // Ical.Net would write the rule's parts in its own order; a placeholder line is swapped for the rule as
            // the writer typed it (UNTIL aside), so the .ics says what the page's source says.
            var placeholder = $"X-INTERNALSITE-RULE-{rules.Count}";
            rules[$"RRULE:{placeholder}"] = $"RRULE:{rule}";
            e.AddProperty("RRULE", placeholder);
            foreach (var date in series.Cancelled)
            {
                e.ExceptionDates.Add(SeriesExpander.ToCalDateTime(date.At(series.Start.TimeOfDay), zoneId));
            }
        }

        return e;
    }

    private static void AddDuration(Calendar calendar, string name, string value)
    {
        var property = new CalendarProperty(name, value);
        property.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(property);
    }

    private static bool IsUtc(DateTimeZone zone) => zone.Id is "UTC" or "Etc/UTC" or "Etc/GMT" or "Etc/Universal" or "Etc/Zulu";

    private static CalDateTime Utc(Instant instant)
    {
        var t = instant.InUtc();
        return new CalDateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, "UTC");
    }
}
