using InternalSite.Build;
using InternalSite.Outputs;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Feeds;

/// <summary>
/// A small portal with everything feeds must cope with: two products (one with an owner), releases with labels,
/// links of every shape, an image, srcset, a footnote, hostile titles, a digest newsletter.
/// </summary>
internal static class FeedSite
{
    /// <summary>A title with markup characters, quotes, an emoji and right-to-left text.</summary>
    public const string HostileTitle = "Fish & Chips <b>not bold</b> \"double\" 'single' 🚀 שלום עולם";

    public const string Files = TestSite.Config + """

        -- content/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- content/products/atlas/index.md --
        ---
        title: Atlas
        summary: Maps for everyone.
        owner: Ana Ortiz
        status: ga
        ---
        Atlas draws maps.
        -- content/products/atlas/chart.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
        -- content/products/atlas/releases/1.0.0.md --
        ---
        title: Atlas 1.0
        version: 1.0.0
        date: 2026-03-01
        labels: [new]
        image: ../chart.svg
        ---
        First release. See [the product](../index.md).
        -- content/products/atlas/releases/1.1.0.md --
        ---
        title: Atlas 1.1
        version: 1.1.0
        date: 2026-06-15T09:30:00
        updated: 2026-06-20
        labels: [improved, fixed]
        summary: Faster tiles.
        ---
        ## Details

        Faster tiles, see [details](#details) and [1.0](1.0.0.md) and [guide](/products/atlas/).

        ![A chart of tile speed](../chart.svg)

        <img alt="Responsive chart" src="../chart.svg" srcset="../chart.svg 1x, /tools/products/atlas/chart.svg 2x">

        <a href="//cdn.example.com/x.js">protocol-relative</a> and <a href="mailto:atlas@example.com">mail</a>.

        A footnote.[^1]

        [^1]: The note.
        -- content/products/atlas/releases/2.0.0.md --
        ---
        title: 'Fish & Chips <b>not bold</b> "double" ''single'' 🚀 שלום עולם'
        version: 2.0.0
        date: 2026-09-01
        labels: [breaking, security]
        ---
        Breaking & entering <script>alert(1)</script> <a href="javascript:alert(1)" onclick="x()">bad</a>.
        -- content/products/beacon/index.md --
        ---
        title: Beacon
        ---
        Beacon signals.
        -- content/products/beacon/releases/0.9.0.md --
        ---
        title: Beacon 0.9
        version: 0.9.0
        date: 2026-09-01
        labels: [new]
        ---
        Beacon is here.
        -- content/newsletters/2026-09.md --
        ---
        title: September news
        date: 2026-09-02
        digest: true
        ---
        All the news.
        """;

    public static (BuildResult Result, MemoryOutputSink Output) Build(string? configExtra = null)
    {
        var files = configExtra is null ? Files : Files.Replace("organization: Example Corp", "organization: Example Corp\n" + configExtra, StringComparison.Ordinal);
        var built = TestSite.Build(files);
        Assert.True(built.Result.Succeeded, TestSite.Errors(built.Result));
        return built;
    }
}
