using NodaTime;

namespace InternalSite.Model;

/// <summary>An office-hours series: one session, or a recurring one described by an RRULE.</summary>
public sealed class OfficeHours(PageBasics basics) : Page(basics)
{
    /// <summary>The first session's start, in <see cref="TimeZone"/>.</summary>
    public required LocalDateTime Start { get; init; }

    public required Duration Duration { get; init; }

    public required DateTimeZone TimeZone { get; init; }

    public string TimeZoneId => TimeZone.Id;

    /// <summary>An RFC 5545 RRULE value, as written; null for a single session.</summary>
    public string? Recurrence { get; init; }

    /// <summary>Dates (in the series' time zone) of sessions that do not happen.</summary>
    public IReadOnlyList<LocalDate> Cancelled { get; init; } = [];

    public string? Location { get; init; }

    public string? JoinUrl { get; init; }

    public string? Host { get; init; }

    public string? ProductSlug { get; init; }

    public ProductPage? Product { get; set; }

    public ZonedDateTime StartZoned => Start.InZoneLeniently(TimeZone);
}
