using InternalSite.Tests.Support;

namespace InternalSite.Tests.Calendars;

/// <summary>Office-hours sites the calendar tests build (with <see cref="TestSite.Now"/> = 2026-11-01 12:00 UTC).</summary>
internal static class OfficeHoursSites
{
    /// <summary>
    /// A weekly London session crossing the end of BST (25 Oct 2026) with a cancelled date, a fortnightly Sydney one
    /// crossing the start of AEDT (4 Oct 2026) and its end (4 Apr 2027), a one-off session in New York, and an
    /// awkward title.
    /// </summary>
    public const string Files = TestSite.Config + """

        -- content/products/atlas/index.md --
        ---
        title: Atlas
        status: ga
        ---
        Atlas maps things.
        -- content/office-hours/atlas-weekly.md --
        ---
        title: Atlas weekly office hours
        summary: Bring your Atlas questions.
        date: 2026-09-01
        start: 2026-10-06T15:00
        duration: 1h
        timezone: Europe/London
        recurrence: FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231
        cancelled: [2026-11-10, 2026-12-22]
        location: Room 4.01
        join_url: https://meet.example.internal/atlas
        host: Ada Lovelace
        product: atlas
        ---
        Drop in with anything about **Atlas**.
        -- content/office-hours/sydney-clinic.md --
        ---
        title: Sydney clinic
        start: 2026-09-24T09:30
        duration: 45m
        timezone: Australia/Sydney
        recurrence: FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=20
        host: Grace Hopper
        product: atlas
        ---
        For the Pacific teams.
        -- content/office-hours/launch-q-and-a.md --
        ---
        title: "Launch Q&A, part 1; the \\big\\ one 🚀\nsecond line"
        start: 2026-11-18T11:00
        end: 2026-11-18T12:30
        timezone: America/New_York
        ---
        A one-off.
        """;
}
