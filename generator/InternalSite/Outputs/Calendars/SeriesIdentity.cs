using InternalSite.Model;
using NodaTime;

namespace InternalSite.Outputs.Calendars;

/// <summary>
/// The fields that let a calendar client recognise a series across refreshes, all derived from content so that two
/// builds of the same content write the same bytes: the UID from the series' URL, DTSTAMP from its dates, SEQUENCE
/// from its <c>updated</c> date.
/// </summary>
internal static class SeriesIdentity
{
    private static readonly Instant SequenceEpoch = Instant.FromUtc(2000, 1, 1, 0, 0);

    /// <summary>"office-hours/atlas-weekly/" on portal.example.internal → "office-hours-atlas-weekly@portal.example.internal".</summary>
    public static string Uid(SiteModel site, OfficeHours series) =>
        $"{series.Route.Trim('/').Replace('/', '-')}@{site.Config.BaseUrl.Host}";

    /// <summary>When the series' content last changed: <c>updated</c>, else <c>date</c>, else its first session's start.</summary>
    public static Instant Stamp(OfficeHours series) =>
        (series.Updated ?? series.Date)?.ToInstant() ?? series.StartZoned.ToInstant();

    /// <summary>
    /// 0 until the writer sets <c>updated</c>; then the minutes from 2000 to it, so every later <c>updated</c> gives a
    /// higher number and clients replace their copy (RFC 5545, 3.8.7.4).
    /// </summary>
    public static int Sequence(OfficeHours series) =>
        series.Updated is { } updated && updated.ToInstant() > SequenceEpoch
            ? (int)Math.Min(int.MaxValue, (updated.ToInstant() - SequenceEpoch).TotalMinutes)
            : 0;
}
