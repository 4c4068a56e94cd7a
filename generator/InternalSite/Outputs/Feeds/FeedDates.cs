using System.Globalization;
using NodaTime;

namespace InternalSite.Outputs.Feeds;

/// <summary>Dates as feeds carry them: whole seconds, the offset of the site's zone kept, RFC 3339 text for JSON Feed.</summary>
public static class FeedDates
{
    /// <summary>
    /// The <c>updated</c> of a feed with no items yet (a label nothing carries so far). Atom requires the element and the
    /// build time would change the bytes on every build, so an empty feed says "never", as the Unix epoch.
    /// </summary>
    public static readonly DateTimeOffset NoItems = DateTimeOffset.UnixEpoch;

    public static DateTimeOffset From(ZonedDateTime value)
    {
        var offset = value.ToDateTimeOffset();
        return offset.AddTicks(-(offset.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>
    /// RFC 822 as RSS 2.0 wants it, with a numeric zone always: "Tue, 01 Sep 2026 09:30:00 +0100", and "+0000" at
    /// offset zero where the syndication library would write the military zone "Z" that many RSS readers reject.
    /// </summary>
    public static string Rfc822(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var zone = offset.Duration();
        return value.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + zone.Hours.ToString("00", CultureInfo.InvariantCulture) + zone.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 3339: "2026-10-01T09:30:00+01:00", or "…Z" at offset zero.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture)
        + (value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture));
}
