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
        var path = Path.Combine(EmailFixture.SnapshotPath, $"{EmailFixture.Slug}.{extension}");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(EmailFixture.SnapshotPath);
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"no snapshot {path}: run with UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            var context = Encoding.UTF8.GetString(actual, Math.Max(0, at - 80), Math.Min(160, actual.Length - Math.Max(0, at - 80)));
            Assert.Fail($"{path} differs from the export at byte {at} (expected {expected.Length} bytes, got {actual.Length}); near: {context}\n" +
                        "If the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff.");
        }
    }
}
