using System.Text;
using InternalSite.Tests.Images;
using InternalSite.Tests.Support;
using SkiaSharp;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// The published email of a newsletter (<c>email.html</c>) is made again only when something it is made from changed:
/// its newsletter, the email template or stylesheet, an image it sizes. Otherwise the last build's file is kept, and
/// the output and the diagnostics still equal a full build's.
/// </summary>
public sealed class NewsletterEmailIncrementalTests
{
    private const string Newsletter = "content/newsletters/2026-06.md";
    private const string Email = "newsletters/2026-06/email.html";
    private const string EmailStylesheet = "themes/default/email/email.css";
    private const string NewsletterTemplate = "themes/default/email/newsletter.html";

    private static (IncrementalHarness Site, IReadOnlyDictionary<string, byte[]> Before) After(
        Action<IncrementalHarness> edit, Action<Dictionary<string, string>>? setUp = null, Action<IncrementalHarness>? setUpBinary = null)
    {
        var files = SampleSite.Files();
        setUp?.Invoke(files);
        return IncrementalHarness.BuiltThenEdited(files, edit, setUpBinary);
    }

    private static string Text(IncrementalHarness site) => Encoding.UTF8.GetString(site.Output[Email]);

    [Fact]
    public void Nothing_changed_keeps_the_email()
    {
        var (site, before) = After(_ => { });

        Assert.Same(before[Email], site.Output[Email]);
        Assert.DoesNotContain(Email, site.State.LastRendered);
    }

    [Fact]
    public void An_edit_elsewhere_keeps_the_email()
    {
        var (site, before) = After(s => s.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel."));

        Assert.Same(before[Email], site.Output[Email]);
    }

    [Fact]
    public void A_newsletter_body_edit_makes_its_email_again()
    {
        var (site, before) = After(s => s.Edit(Newsletter, "What happened in June.", "What happened in a sunny June."));

        Assert.NotSame(before[Email], site.Output[Email]);
        Assert.Contains("What happened in a sunny June.", Text(site));
    }

    [Fact]
    public void A_newsletter_title_edit_makes_its_email_again()
    {
        var (site, _) = After(s => s.Edit(Newsletter, "title: June news", "title: June and July news"));

        Assert.Contains("June and July news", Text(site));
    }

    [Fact]
    public void A_stylesheet_edit_makes_the_email_again_with_the_new_style()
    {
        var (site, before) = After(
            s => s.Write(EmailStylesheet, "p { color: #123456; }\n"),
            files => files[EmailStylesheet] = "p { color: #654321; }\n");

        Assert.NotSame(before[Email], site.Output[Email]);
        Assert.Contains("#123456", Text(site));
        Assert.DoesNotContain("#654321", Text(site));
    }

    [Fact]
    public void A_changed_image_makes_the_email_that_sizes_it_again()
    {
        // The template shows a content image by its URL: the email reads the file's own size (Outlook needs it).
        var (site, before) = After(
            s => s.WriteBytes("content/logo.png", ImageTestSite.Picture(48, 24, SKEncodedImageFormat.Png)),
            files => files[NewsletterTemplate] = "<html><body><img alt=\"Logo\" src=\"{{ email.site_url }}logo.png\">{{ email.body }}</body></html>\n",
            site => site.WriteBytes("content/logo.png", ImageTestSite.Picture(32, 16, SKEncodedImageFormat.Png)));

        Assert.NotSame(before[Email], site.Output[Email]);
        Assert.Contains("width=\"48\" height=\"24\"", Text(site));
    }

    [Fact]
    public void An_email_with_a_warning_reports_it_in_every_build()
    {
        var (site, _) = After(
            s => s.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel."),
            files => files[NewsletterTemplate] =
                "<html><body><script>track()</script>{{ email.body }}</body></html>\n");

        var warning = Assert.Single(site.LastResult.Diagnostics, d => d.Message.Contains("<script>", StringComparison.Ordinal));
        Assert.Contains(Email, site.State.LastRendered);
        Assert.False(warning.IsError);
    }
}
