using System.Text;

namespace InternalSite.Tests.Email;

/// <summary>
/// The fixture newsletter exported and compared byte for byte with Email/Snapshots/2026-10.{eml,html,txt}. After an
/// intended change to the email, rewrite the snapshots and review their diff like code:
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/InternalSite.Tests --filter "FullyQualifiedName~EmailSnapshotTests"</c>.
/// </summary>
public sealed class EmailSnapshotTests
{
    [Theory]
    [InlineData("eml")]
    [InlineData("html")]
    [InlineData("txt")]
    public void The_exported_fixture_newsletter_matches_its_snapshot(string extension)
    {
        var newsletter = EmailFixture.Newsletter;
        var actual = extension switch
        {
            "eml" => newsletter.Eml,
            "html" => Encoding.UTF8.GetBytes(newsletter.Html),
            _ => Encoding.UTF8.GetBytes(newsletter.Text),
        };
        SnapshotFile.AssertMatches(Path.Combine(EmailFixture.SnapshotPath, $"{EmailFixture.Slug}.{extension}"), actual);
    }
}
