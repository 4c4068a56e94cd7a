using InternalSite.Diagnostics;
using MimeKit;

namespace InternalSite.Tests.Email;

/// <summary>The .eml, read back by MimeKit as a mail client would.</summary>
public sealed class EmailMessageTests
{
    private static MimeMessage Parse(byte[] eml)
    {
        using var stream = new MemoryStream(eml);
        return MimeMessage.Load(stream);
    }

    [Fact]
    public void The_message_is_multipart_alternative_with_the_text_part_first_and_the_html_part_last()
    {
        var message = Parse(EmailFixture.Newsletter.Eml);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        var text = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(text.IsPlain);
        Assert.True(html.IsHtml);
        Assert.Equal("utf-8", text.ContentType.Charset);
        Assert.Equal("utf-8", html.ContentType.Charset);
        Assert.Equal(EmailFixture.Newsletter.Text, text.Text);
        Assert.Equal(EmailFixture.Newsletter.Html, html.Text);
        Assert.Equal(EmailFixture.Newsletter.Html, message.HtmlBody);
    }

    [Fact]
    public void Headers_come_from_the_config_and_the_front_matter()
    {
        var message = Parse(EmailFixture.Newsletter.Eml);

        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal("Product News", from.Name);
        Assert.Equal("product-news@example.internal", from.Address);
        Assert.Equal("product-team@example.internal", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("Acme Tools, October: Atlas graphs & Beacon escalations", message.Subject);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero), message.Date);
        Assert.Equal("newsletter.2026-10@portal.example.internal", message.MessageId);
        Assert.Equal("1", message.Headers["X-Unsent"]);
        var unsubscribe = message.Headers[HeaderId.ListUnsubscribe]!.Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);
        Assert.Contains("<mailto:product-news-leave@example.internal>", unsubscribe);
        Assert.Contains("<https://portal.example.internal/tools/unsubscribe/>", unsubscribe);
    }

    [Fact]
    public void Exporting_twice_gives_the_same_bytes_with_crlf_line_ends()
    {
        var first = EmailFixture.Export(EmailFixture.Slug).Newsletters.Single().Eml;
        var second = EmailFixture.Export(EmailFixture.Slug).Newsletters.Single().Eml;

        Assert.Equal(first, second);
        var text = System.Text.Encoding.ASCII.GetString(first);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        var boundary = Parse(first).Body!.ContentType.Boundary;
        Assert.StartsWith("=_alt_", boundary);
    }

    [Fact]
    public void The_date_is_the_newsletters_own_in_the_site_time_zone()
    {
        var result = EmailFixture.ExportText(EmailFixture.Config + """

            -- content/newsletters/summer.md --
            ---
            title: Summer
            subject: "Café news ✓"
            date: 2026-07-01T09:30:00
            ---
            Hot.
            """, "summer");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var message = Parse(result.Newsletters.Single().Eml);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.FromHours(1)), message.Date);
        Assert.Equal("Café news ✓", message.Subject);
        Assert.Null(message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Empty(message.ReplyTo);
    }

    [Fact]
    public void A_site_without_a_sender_cannot_export_and_says_what_to_add()
    {
        var result = EmailFixture.ExportText("""
            -- site.config.yml --
            title: Test Portal
            baseUrl: https://portal.example.internal/
            -- content/newsletters/n1.md --
            ---
            title: One
            date: 2026-10-01
            ---
            Text.
            """, "n1");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.ConfigInvalidValue, error.Code);
        Assert.Contains("newsletter.from", error.Message);
        Assert.Equal("site.config.yml", error.Location.File);
    }

    [Fact]
    public void A_sender_that_is_not_an_address_is_an_error()
    {
        var result = EmailFixture.ExportText("""
            -- site.config.yml --
            title: Test Portal
            baseUrl: https://portal.example.internal/
            newsletter:
              from: not an address
            -- content/newsletters/n1.md --
            ---
            title: One
            date: 2026-10-01
            ---
            Text.
            """, "n1");

        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("'newsletter.from' is not an email address", StringComparison.Ordinal));
    }
}
