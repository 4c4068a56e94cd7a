using System.Runtime.CompilerServices;
using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs.Email;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Email;

/// <summary>The fixture site of the email tests (Email/Fixtures/site), read from the source tree, exported in memory.</summary>
internal static class EmailFixture
{
    public const string Slug = "2026-10";

    public static string Folder([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;

    public static string SitePath => Path.Combine(Folder(), "Fixtures", "site");

    public static string SnapshotPath => Path.Combine(Folder(), "Snapshots");

    private static readonly Lazy<NewsletterExportResult> Exported = new(() => Export(Slug));

    /// <summary>The fixture's digest newsletter, exported once for all tests that only read it.</summary>
    public static ExportedNewsletter Newsletter
    {
        get
        {
            var result = Exported.Value;
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            return Assert.Single(result.Newsletters);
        }
    }

    public static NewsletterExportResult Export(params string[]? slugs) =>
        NewsletterExporter.Export(SiteSource.FromDirectory(SitePath), new BuildOptions { Now = TestSite.Now }, slugs);

    /// <summary>Exports from a "-- path --" text site, with the fixed now of <see cref="TestSite"/>.</summary>
    public static NewsletterExportResult ExportText(string files, params string[]? slugs) =>
        NewsletterExporter.Export(SiteSource.FromText(files), new BuildOptions { Now = TestSite.Now }, slugs);

    public const string Config = TestSite.Config + """

        newsletter:
          from: "News <news@example.internal>"
        """;
}
