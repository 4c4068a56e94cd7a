using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace InternalSite.Tests.Calendars;

/// <summary>Reads our .ics back with Ical.Net (not our writer) and checks the RFC 5545 line rules on the raw bytes.</summary>
internal static class IcsAssert
{
    public static Calendar Load(byte[] bytes)
    {
        var calendar = Calendar.Load(Encoding.UTF8.GetString(bytes));
        Assert.NotNull(calendar);
        return calendar!;
    }

    /// <summary>Every line ends in CRLF, no bare CR or LF, and no line (continuations included) is over 75 octets.</summary>
    public static void LinesAreFoldedWithCrlf(byte[] bytes, string path)
    {
        Assert.True(bytes.Length > 2 && bytes[^2] == '\r' && bytes[^1] == '\n', $"{path} does not end in CRLF");
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == '\r', $"{path}: bare LF at byte {i}");
                var octets = i - 1 - start;
                Assert.True(octets <= 75, $"{path}: line of {octets} octets: {Encoding.UTF8.GetString(bytes, start, octets)}");
                Assert.True(IsWholeUtf8(bytes, start, octets), $"{path}: a line splits a UTF-8 character");
                start = i + 1;
            }
            else if (bytes[i] == '\r')
            {
                Assert.True(i + 1 < bytes.Length && bytes[i + 1] == '\n', $"{path}: bare CR at byte {i}");
            }
        }
    }

    /// <summary>Occurrences in [from, to) as wall-clock times in the event's own zone, with their UTC instants.</summary>
    public static List<(LocalDateTime Local, Instant Utc)> Occurrences(CalendarEvent e, Instant from, Instant to)
    {
        var zone = DateTimeZoneProviders.Tzdb[e.DtStart!.TzId!];
        var list = new List<(LocalDateTime, Instant)>();
        foreach (var occurrence in e.GetOccurrences(new CalDateTime(from.ToDateTimeUtc())))
        {
            var utc = Instant.FromDateTimeUtc(DateTime.SpecifyKind(occurrence.Period.StartTime.AsUtc, DateTimeKind.Utc));
            if (utc >= to)
            {
                break;
            }

            list.Add((utc.InZone(zone).LocalDateTime, utc));
        }

        return list;
    }

    private static bool IsWholeUtf8(byte[] bytes, int start, int count)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, count);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
