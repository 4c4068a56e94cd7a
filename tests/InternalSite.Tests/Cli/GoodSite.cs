using InternalSite.Tests.Support;

namespace InternalSite.Tests.Cli;

/// <summary>A small site of every kind that builds cleanly; the CLI tests break it one file at a time.</summary>
public static class GoodSite
{
    public const string Files = TestSite.Config + """

        -- content/index.md --
        ---
        title: Welcome
        ---
        Start with [Atlas](products/atlas/index.md).
        -- content/about.md --
        ---
        title: About
        date: 2026-02-01T09:30
        tags: [team]
        ---
        ## Who we are

        People.
        -- content/products/atlas/index.md --
        ---
        title: Atlas
        status: ga
        owner: Dana
        ---
        Maps. See [setup](guides/setup.md#before-you-start) and ![the logo](logo.svg).
        -- content/products/atlas/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/products/atlas/releases/2.4.md --
        ---
        title: Atlas 2.4
        version: 2.4.0
        date: 2026-03-01
        labels: [new, fixed]
        ---
        ## Fixed

        Things.
        -- content/products/atlas/releases/2.5.md --
        ---
        title: Atlas 2.5
        version: 2.5.0
        date: 2026-04-01T10:00
        labels: [improved]
        ---
        Faster.
        -- content/products/atlas/guides/setup.md --
        ---
        title: Setup
        order: 1
        ---
        ## Before you start

        Read the [2.4 notes](../releases/2.4.md#fixed).
        -- content/newsletters/2026-04.md --
        ---
        title: April news
        date: 2026-04-02
        digest: true
        ---
        Hello.
        -- content/office-hours/clinic.md --
        ---
        title: Atlas clinic
        start: 2026-03-03T15:00
        duration: 45m
        timezone: America/New_York
        recurrence: FREQ=WEEKLY;BYDAY=TU;COUNT=10
        product: atlas
        ---
        Bring questions.
        """;
}
