namespace InternalSite.Tests.Incremental;

/// <summary>A small portal with two products, release notes, guides and a newsletter, for incremental builds.</summary>
internal static class SampleSite
{
    public const string AtlasRelease = "content/products/atlas/releases/2.0.0.md";
    public const string AtlasGuide = "content/products/atlas/guides/setup.md";
    public const string ReleaseLayout = "themes/default/layouts/release.html";

    public static Dictionary<string, string> Files() => new(StringComparer.Ordinal)
    {
        ["site.config.yml"] = """
            title: Test Portal
            baseUrl: https://portal.example.internal/tools/
            timezone: Europe/London
            organization: Example Corp
            """,
        ["content/index.md"] = "---\ntitle: Home\n---\nWelcome to the portal.\n",
        ["content/products/atlas/index.md"] = "---\ntitle: Atlas\nsummary: Maps for analysts.\nstatus: ga\nowner: Ann\n---\nAtlas draws maps. See [setup](guides/setup.md).\n",
        ["content/products/atlas/releases/1.0.0.md"] = "---\ntitle: Atlas 1.0\nversion: 1.0.0\ndate: 2026-03-01\nlabels: [new]\n---\nFirst release.\n",
        [AtlasRelease] = "---\ntitle: Atlas 2.0\nversion: 2.0.0\ndate: 2026-06-01\nlabels: [improved]\n---\nFaster tiles.\n\nMore text here.\n",
        [AtlasGuide] = "---\ntitle: Set up Atlas\norder: 1\n---\n## Access\n\nAsk in the channel.\n",
        ["content/products/beacon/index.md"] = "---\ntitle: Beacon\nsummary: Alerts for operations.\nstatus: beta\n---\nBeacon sends alerts.\n",
        ["content/products/beacon/releases/0.9.0.md"] = "---\ntitle: Beacon 0.9\nversion: 0.9.0\ndate: 2026-05-01\nlabels: [fixed]\n---\nFewer false alarms.\n",
        ["content/products/beacon/guides/start.md"] = "---\ntitle: Start with Beacon\n---\nCreate a rule.\n",
        ["content/newsletters/2026-06.md"] = "---\ntitle: June news\ndate: 2026-06-02\n---\nWhat happened in June.\n",
        ["content/about.md"] = "---\ntitle: About\n---\nAbout the portal.\n",
        ["content/products/atlas/map.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    };
}
