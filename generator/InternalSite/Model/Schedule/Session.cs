using NodaTime;

namespace InternalSite.Model.Schedule;

/// <summary>One occurrence of an office-hours series, at its own wall-clock time in the series' time zone.</summary>
public sealed class Session(OfficeHours series, ZonedDateTime start, bool cancelled)
{
    public OfficeHours Series { get; } = series;

    public ZonedDateTime Start { get; } = start;

    public ZonedDateTime End { get; } = start.Plus(series.Duration);

    /// <summary>Whether the date is in the series' <c>cancelled</c> list: shown struck through, left out of calendars.</summary>
    public bool Cancelled { get; } = cancelled;

    public Instant StartInstant => Start.ToInstant();

    public LocalDate Date => Start.Date;

    /// <summary>The zone's abbreviation at that moment, e.g. GMT or BST, so a reader sees which side of a DST change it is.</summary>
    public string ZoneName => Start.GetZoneInterval().Name;

    public string TimeZoneId => Series.TimeZoneId;

    /// <summary>ISO 8601 with the offset in force, for &lt;time datetime&gt; and the reader's-local-time script.</summary>
    public string IsoStart => NodaTime.Text.OffsetDateTimePattern.Rfc3339.Format(Start.ToOffsetDateTime());

    public string IsoEnd => NodaTime.Text.OffsetDateTimePattern.Rfc3339.Format(End.ToOffsetDateTime());

    public string Title => Series.Title;

    /// <summary>A stable anchor id for the session on pages: the series slug and the local start.</summary>
    public string Anchor => $"{Series.Slug}-{Start.LocalDateTime.ToString("yyyyMMdd'T'HHmm", System.Globalization.CultureInfo.InvariantCulture)}";
}
