using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>After every kind of edit, an incremental build writes exactly the bytes a full build writes.</summary>
public sealed class IncrementalMatchesFullBuildTests
{
    public static TheoryData<string> Edits() =>
    [
        "release body", "release title", "release date", "add release", "delete release", "rename guide", "add template",
        "edit base template", "config title", "edit content file", "delete content file", "newsletter", "product summary", "home body",
        "release labels", "product title", "release draft", "release image", "event time",
    ];

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_rebuilds_to_the_same_bytes_as_a_full_build(string edit)
    {
        var site = new IncrementalHarness(SampleSite.Files());
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));

        Apply(site, edit);
        site.Build();

        site.AssertSameAsFullBuild();
    }

    [Fact]
    public void A_series_of_edits_stays_identical_to_full_builds()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        site.Build();
        foreach (var edit in Edits())
        {
            Apply(site, edit);
            site.Build();
            site.AssertSameAsFullBuild();
        }
    }

    [Fact]
    public void A_failed_build_keeps_the_last_good_output_and_fixing_it_catches_up()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        site.Build();
        var good = site.Output;

        site.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Faster [tiles](missing.md).");
        site.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask in the new channel.");
        Assert.False(site.Build().Succeeded);
        Assert.Same(good, site.Output);

        site.Edit(SampleSite.AtlasRelease, "Faster [tiles](missing.md).", "Faster tiles, fixed.");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        site.AssertSameAsFullBuild();
        Assert.Contains("Ask in the new channel.", System.Text.Encoding.UTF8.GetString(site.Output["products/atlas/guides/setup/index.html"]));
    }

    internal static void Apply(IncrementalHarness site, string edit)
    {
        switch (edit)
        {
            case "release body":
                site.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles.");
                break;
            case "release title":
                site.Edit(SampleSite.AtlasRelease, "title: Atlas 2.0", "title: Atlas 2.0 (tiles)");
                break;
            case "release date":
                site.Edit(SampleSite.AtlasRelease, "date: 2026-06-01", "date: 2026-02-01");
                break;
            case "add release":
                site.Write("content/products/beacon/releases/1.0.0.md", "---\ntitle: Beacon 1.0\nversion: 1.0.0\ndate: 2026-07-01\nlabels: [new]\n---\nStable.\n");
                break;
            case "delete release":
                site.Delete("content/products/beacon/releases/0.9.0.md");
                break;
            case "rename guide":
                site.Rename("content/products/beacon/guides/start.md", "content/products/beacon/guides/first-steps.md");
                break;
            case "add template":
                site.Write(SampleSite.ReleaseLayout, "<article class=\"custom\"><h1>{{ page.title }}</h1>{{ page.content }}</article>\n");
                break;
            case "edit base template":
                site.Write("themes/default/layouts/partials/footer.html", "<footer><p>Custom footer for {{ site.config.title }}</p></footer>\n");
                break;
            case "config title":
                site.Edit("site.config.yml", "title: Test Portal", "title: Renamed Portal");
                break;
            case "edit content file":
                site.Write("content/products/atlas/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>");
                break;
            case "delete content file":
                site.Delete("content/products/atlas/map.svg");
                break;
            case "newsletter":
                site.Edit("content/newsletters/2026-06.md", "What happened in June.", "What happened in June, and more.");
                break;
            case "product summary":
                site.Edit("content/products/atlas/index.md", "summary: Maps for analysts.", "summary: Maps for everyone.");
                break;
            case "home body":
                site.Edit("content/index.md", "Welcome to the portal.", "Welcome, all.");
                break;
            case "release labels":
                site.Edit(SampleSite.AtlasRelease, "labels: [improved]", "labels: [improved, breaking]");
                break;
            case "product title":
                site.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n");
                break;
            case "release draft":
                site.Edit("content/products/atlas/releases/1.0.0.md", "labels: [new]", "labels: [new]\ndraft: true");
                break;
            case "release image":
                site.Write("content/products/atlas/shot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"3\"/></svg>");
                site.Edit(SampleSite.AtlasRelease, "version: 2.0.0", "version: 2.0.0\nimage: ../shot.svg");
                break;
            case "event time":
                site.Write("content/office-hours/atlas-clinic.md", "---\ntitle: Atlas clinic\nproduct: atlas\nstart: \"2026-11-20T15:00:00\"\nduration: 1h\n---\nBring your maps.\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, "unknown edit");
        }
    }
}
