using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace InternalSite.Model.Schedule;

/// <summary>
/// The RRULE of a series as calendars need it: as written, except that UNTIL is turned into UTC, because RFC 5545
/// requires UTC when DTSTART has a TZID, and a writer naturally types a local date.
/// </summary>
public static class SeriesRecurrence
{
    private static readonly LocalDateTimePattern UtcPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss'Z'");

    /// <summary>The rule to publish, or null for a single session.</summary>
    public static string? RuleFor(OfficeHours series)
    {
        if (series.Recurrence is not { } written)
        {
            return null;
        }

        var text = written.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.ToUpperInvariant())
            .Select(part => part.StartsWith("UNTIL=", StringComparison.Ordinal) ? "UNTIL=" + UntilInUtc(part[6..], series.TimeZone) : part);
        return string.Join(';', parts);
    }

    /// <summary>
    /// A date means "up to and including that day" in the series' zone; a local date-time is read in the series'
    /// zone; a UTC value stays as it is.
    /// </summary>
    internal static string UntilInUtc(string value, DateTimeZone zone)
    {
        if (value.EndsWith('Z'))
        {
            return value;
        }

        LocalDateTime local;
        if (value.Length == 8 && LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Parse(value) is { Success: true } date)
        {
            local = date.Value.At(new LocalTime(23, 59, 59));
        }
        else if (LocalDateTimePattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss").Parse(value) is { Success: true } dateTime)
        {
            local = dateTime.Value;
        }
        else
        {
            return value;
        }

        return UtcPattern.Format(local.InZoneLeniently(zone).ToInstant().InUtc().LocalDateTime);
    }

    internal static string Format(Instant instant) =>
        instant.InUtc().LocalDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
