using System.Security.Cryptography;
using System.Text;
using InternalSite.Config;
using InternalSite.Content;
using InternalSite.Diagnostics;
using InternalSite.Model;
using MimeKit;
using MimeKit.Text;

namespace InternalSite.Outputs.Email;

/// <summary>
/// Writes a newsletter as an .eml file: multipart/alternative with the text part first and the HTML part last (a
/// client shows the last part it can), headers from the <c>newsletter</c> config, and no random bytes: the
/// Message-ID comes from the slug and the site's host, the MIME boundary from the content, so the same newsletter
/// always exports to the same file.
/// </summary>
public static class NewsletterMessage
{
    private static readonly FormatOptions Format = CreateFormat();

    /// <summary>The .eml bytes, or null (with errors) when the config lacks what a sendable message needs.</summary>
    public static byte[]? Write(RenderedEmail email, SiteModel site, DiagnosticBag diagnostics)
    {
        var message = Create(email, site, diagnostics);
        if (message is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        message.WriteTo(Format, stream);
        return stream.ToArray();
    }

    public static MimeMessage? Create(RenderedEmail email, SiteModel site, DiagnosticBag diagnostics)
    {
        var settings = site.Config.Newsletter;
        var from = Addresses(settings?.From, "from", required: true, diagnostics);
        var replyTo = Addresses(settings?.ReplyTo, "replyTo", required: false, diagnostics);
        if (from is null || (settings?.ReplyTo is not null && replyTo is null))
        {
            return null;
        }

        var newsletter = email.Newsletter;
        var message = new MimeMessage();
        message.From.AddRange(from);
        if (replyTo is not null)
        {
            message.ReplyTo.AddRange(replyTo);
        }

        message.Subject = newsletter.Subject;
        message.Date = newsletter.Date?.ToDateTimeOffset() ?? site.BuildTime.ToDateTimeOffset();
        message.MessageId = MessageId(newsletter, site.Config);

        // Outlook opens a message marked unsent as a draft, ready to address and send; Thunderbird offers "Edit as New".
        message.Headers.Add("X-Unsent", "1");
        var unsubscribe = EmailViewBuilder.UnsubscribeLinks(settings?.ListUnsubscribe);
        if (unsubscribe.Count > 0)
        {
            message.Headers.Add(HeaderId.ListUnsubscribe, string.Join(", ", unsubscribe.Select(l => $"<{l}>")));
        }

        var text = Part(TextFormat.Plain, email.Text);
        var html = Part(TextFormat.Html, email.Html);
        var alternative = new MultipartAlternative { text, html };
        alternative.Boundary = Boundary(email);
        message.Body = alternative;
        return message;
    }

    /// <summary>"newsletter.2026-11@portal.example.internal": stable, so re-exporting never makes a second message.</summary>
    public static string MessageId(Newsletter newsletter, SiteConfig config) =>
        $"newsletter.{newsletter.Slug}@{config.BaseUrl.IdnHost}";

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    /// <summary>
    /// From a hash of both parts; starts with "=_", which quoted-printable text can never contain, so the boundary
    /// cannot occur inside a part.
    /// </summary>
    private static string Boundary(RenderedEmail email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Text + "\0" + email.Html));
        return "=_alt_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static List<InternetAddress>? Addresses(string? value, string key, bool required, DiagnosticBag diagnostics)
    {
        var at = SourceLocation.StartOf(SiteSource.ConfigFileName);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                diagnostics.Error(at, DiagnosticCodes.ConfigInvalidValue,
                    $"'newsletter.{key}' is not set, so the email has no sender (expected e.g. newsletter: {{ from: \"Product News <news@example.internal>\" }} in site.config.yml)");
            }

            return null;
        }

        if (!InternetAddressList.TryParse(value, out var list) || list.Count == 0 || list.Mailboxes.Any(m => !m.Address.Contains('@', StringComparison.Ordinal)))
        {
            diagnostics.Error(at, DiagnosticCodes.ConfigInvalidValue,
                $"'newsletter.{key}' is not an email address: '{value}' (expected e.g. \"Product News <news@example.internal>\")");
            return null;
        }

        return list.ToList();
    }

    private static FormatOptions CreateFormat()
    {
        // CRLF as RFC 5322 requires, whatever the machine; international headers left as UTF-8-free encoded words.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
