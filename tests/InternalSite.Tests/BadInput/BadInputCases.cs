using System.Text;
using static InternalSite.Tests.BadInput.BadInputCase;

namespace InternalSite.Tests.BadInput;

/// <summary>Every kind of bad input a writer can produce, with the exact diagnostics it must give.</summary>
public static class BadInputCases
{
    private const string Release = "content/products/atlas/releases/2.5.md";
    private const string Event = "content/office-hours/clinic.md";

    public static readonly IReadOnlyList<BadInputCase> All =
    [
        Text("malformed-yaml", "content/about.md", "---\ntitle: About\ntags: [team\n---\nBody.\n",
            "content/about.md(4,1): error: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'"),
        Text("unclosed-flow-then-more-keys", "content/about.md", "---\ntitle: [About\nsummary: x\n---\nBody.\n",
            "content/about.md(2,1): error: invalid YAML: the front matter cannot be read (expected 'key: value' lines; check for an unclosed [ or {)"),
        Text("yaml-not-a-map", "content/about.md", "---\n- just\n- a list\n---\nBody.\n",
            "content/about.md(2,1): error: invalid YAML: expected 'key: value' lines"),
        Text("unclosed-front-matter", "content/about.md", "---\ntitle: About\n\nBody without a closing fence.\n",
            "content/about.md(1,1): error: the front matter is not closed (expected a line '---' after the front matter)"),
        Text("no-front-matter", "content/about.md", "Just text.\n",
            "content/about.md(1,1): error: the page has no front matter (expected a first line '---', then at least 'title: ...', then '---')"),
        Text("impossible-month", Release, "---\ntitle: Atlas 2.5\nversion: 2.5.0\ndate: 2026-13-01\n---\n",
            $"{Release}(4,7): error: 'date' is not a date: '2026-13-01' (expected YYYY-MM-DD)"),
        Text("impossible-day", Release, "---\ntitle: Atlas 2.5\nversion: 2.5.0\ndate: 2026-02-30\n---\n",
            $"{Release}(4,7): error: 'date' is not a date: '2026-02-30' (expected YYYY-MM-DD)"),
        Text("missing-title", "content/about.md", "---\nsummary: No title here\n---\nBody.\n",
            "content/about.md(2,1): error: missing required key 'title' (expected the page's title, e.g. title: Getting started)"),
        Text("release-without-date", Release, "---\ntitle: Atlas 2.5\nversion: 2.5.0\n---\n",
            $"{Release}(2,1): error: missing required key 'date' (expected a date, YYYY-MM-DD)"),
        Text("newsletter-without-date", "content/newsletters/2026-04.md", "---\ntitle: April news\n---\n",
            "content/newsletters/2026-04.md(2,1): error: missing required key 'date' (expected a date, YYYY-MM-DD)"),
        Text("event-without-start", Event, "---\ntitle: Atlas clinic\nduration: 45m\n---\n",
            $"{Event}(2,1): error: missing required key 'start' (expected a local date-time such as 2026-03-03T15:00)"),
        Text("unknown-status", "content/products/atlas/index.md", "---\ntitle: Atlas\nstatus: shipped\n---\n",
            "content/products/atlas/index.md(3,9): error: unknown status 'shipped' (expected one of: idea, alpha, beta, ga, deprecated, retired)"),
        Text("unknown-label", Release, "---\ntitle: Atlas 2.5\nversion: 2.5.0\ndate: 2026-03-01\nlabels: [new, shiny]\n---\n",
            $"{Release}(5,15): error: unknown label 'shiny' (expected one of: new, improved, fixed, breaking, deprecated, security)"),
        Text("invalid-rrule", Event, "---\ntitle: Atlas clinic\nstart: 2026-03-03T15:00\nrecurrence: FREQ=WEEKLY;BYDAY=TUESDAY\n---\n",
            $"{Event}(4,13): error: 'recurrence' is not a valid RRULE: BYDAY=TUESDAY is not a list of days such as MO,TU or 1MO,-1FR (expected e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=20)"),
        Text("unknown-event-time-zone", Event, "---\ntitle: Atlas clinic\nstart: 2026-03-03T15:00\ntimezone: America/New_Yrok\n---\n",
            $"{Event}(4,11): error: unknown time zone 'America/New_Yrok' (expected an IANA time zone such as Europe/London or America/New_York)"),
        Text("invalid-duration", Event, "---\ntitle: Atlas clinic\nstart: 2026-03-03T15:00\nduration: an hour\n---\n",
            $"{Event}(4,11): error: 'duration' is not a duration: 'an hour' (expected e.g. 45m, 1h or 1h30m, at most 24h)"),
        Text("duplicate-url", "content/products/atlas/releases/two-four.md", "---\ntitle: Atlas 2.4 again\nversion: 2.4.1\ndate: 2026-03-02\nslug: \"2.4\"\n---\n",
            "content/products/atlas/releases/two-four.md(1,1): error: two pages have the URL /products/atlas/releases/2.4/: content/products/atlas/releases/2.4.md and content/products/atlas/releases/two-four.md (expected each page at its own URL; change a 'slug')"),
        Text("broken-link", "content/about.md", "---\ntitle: About\n---\nSee [the plan](plan.md).\n",
            "content/about.md(4,5): error: no page at 'content/plan.md' for link 'plan.md' (expected the path of a .md file under content/)"),
        Text("broken-url", "content/about.md", "---\ntitle: About\n---\nSee [the plan](/plans/).\n",
            "content/about.md(4,5): error: broken link '/plans/': nothing is published at /plans/ (expected a page, a file or a generated listing of this site)"),
        Text("broken-anchor", "content/about.md", "---\ntitle: About\n---\nSee [setup](products/atlas/guides/setup.md#after).\n",
            "content/about.md(4,5): error: broken anchor 'products/atlas/guides/setup.md#after': /products/atlas/guides/setup/ has no '#after' (headings: #before-you-start)"),
        Text("link-leaves-site", "content/about.md", "---\ntitle: About\n---\nSee [secrets](../site.config.yml).\n",
            "content/about.md(4,5): error: '../site.config.yml' leaves the site (expected a path inside content/)"),
        Text("misspelt-config-key", "site.config.yml", "title: Test Portal\nbaseUrl: https://portal.example.internal/tools/\ntimzone: Europe/London\n",
            "site.config.yml(3,1): error: unknown key 'timzone' (did you mean 'timezone'?)"),
        Text("missing-base-url", "site.config.yml", "title: Test Portal\ntimezone: Europe/London\n",
            "site.config.yml(1,1): error: missing required key 'baseUrl' (expected the portal's absolute URL, e.g. baseUrl: https://portal.example.internal/tools/)"),
        Text("unknown-config-time-zone", "site.config.yml", "title: Test Portal\nbaseUrl: https://portal.example.internal/tools/\ntimezone: Europe/Lundon\n",
            "site.config.yml(3,11): error: unknown time zone 'Europe/Lundon' (expected an IANA time zone such as Europe/London or America/New_York)"),
        Bytes("not-utf8", "content/about.md", Latin1("---\ntitle: Caf\u00e9 menu\n---\nBody.\n"),
            "content/about.md(2,11): error: the file is not valid UTF-8 (expected UTF-8 text; save the file as UTF-8)"),
        Bytes("ten-megabyte-page", "content/big.md", TenMegabytes(),
            "content/big.md(1,1): error: the page is 10.0 MB (expected at most 4 MB; split it into several pages)"),
        Text("deep-quotes", "content/deep.md", "---\ntitle: Deep\n---\n" + new string('>', 5000) + " x\n",
            "content/deep.md(4,5001): error: the markdown is nested too deeply here (expected at most 64 levels of quotes, lists or brackets)"),
        Text("deep-lists", "content/deep.md", "---\ntitle: Deep\n---\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- x\n")),
            "content/deep.md(68,130): error: the markdown is nested too deeply here (expected at most 64 levels of quotes, lists or brackets)"),
        Text("deep-brackets", "content/deep.md", "---\ntitle: Deep\n---\n" + new string('[', 100_000) + "x" + new string(']', 100_000) + "\n",
            "content/deep.md(4,257): error: the markdown is nested too deeply here (expected at most 64 levels of quotes, lists or brackets)"),
        Text("deep-emphasis", "content/deep.md", "---\ntitle: Deep\n---\n" + string.Concat(Enumerable.Repeat("*a ", 30_000)) + "\n",
            "content/deep.md(4,1): error: the markdown is nested too deeply here (expected at most 64 levels of quotes, lists or brackets)"),
        new("two-bad-pages",
            [
                ("content/about.md", Encoding.UTF8.GetBytes("---\ntitle: About\ndate: 2026-13-01\n---\n")),
                (Release, Encoding.UTF8.GetBytes("---\ntitle: Atlas 2.5\nversion: 2.5.0\ndate: 2026-03-01\nlabels: [shiny]\n---\n")),
            ],
            [
                "content/about.md(3,7): error: 'date' is not a date: '2026-13-01' (expected YYYY-MM-DD)",
                $"{Release}(5,10): error: unknown label 'shiny' (expected one of: new, improved, fixed, breaking, deprecated, security)",
            ]),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static BadInputCase Named(string name) => All.Single(c => c.Name == name);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] TenMegabytes()
    {
        var head = Encoding.UTF8.GetBytes("---\ntitle: Big\n---\n");
        var bytes = new byte[10 * 1024 * 1024];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (i % 64) == 63 ? (byte)'\n' : (byte)'w';
        }

        return bytes;
    }
}
