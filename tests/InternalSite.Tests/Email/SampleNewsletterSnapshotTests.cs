using System.Text;
using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs.Email;
using NodaTime;

namespace InternalSite.Tests.Email;

/// <summary>
/// The sample portal's digest newsletter, exported as a PM would and compared byte for byte with
/// Email/Snapshots/sample-*.{eml,html,txt}. After an intended change to the email or to the sample newsletter,
/// rewrite them with <c>UPDATE_SNAPSHOTS=1 dotnet test tests/InternalSite.Tests --filter "FullyQualifiedName~SampleNewsletterSnapshotTests"</c>
/// and review the diff.
/// </summary>
public sealed class SampleNewsletterSnapshotTests
{
    private const string Slug = "2026-11-platform-digest";

    private static readonly Lazy<ExportedNewsletter> Exported = new(() =>
    {
        var root = Support.RepositoryRoot.Path;
        var options = new BuildOptions { Now = Instant.FromUtc(2026, 11, 23, 12, 0) };
        var result = NewsletterExporter.Export(SiteSource.FromDirectory(root), options, [Slug]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Newsletters);
    });

    [Theory]
    [InlineData("eml")]
    [InlineData("html")]
    [InlineData("txt")]
    public void The_exported_sample_newsletter_matches_its_snapshot(string extension)
    {
        var newsletter = Exported.Value;
        var actual = extension switch
        {
            "eml" => newsletter.Eml,
            "html" => Encoding.UTF8.GetBytes(newsletter.Html),
            _ => Encoding.UTF8.GetBytes(newsletter.Text),
        };
        SnapshotFile.AssertMatches(Path.Combine(EmailFixture.SnapshotPath, $"sample-{Slug}.{extension}"), actual);
    }
}
