using System.Globalization;
using InternalSite.Model;
using InternalSite.Templating;
using NodaTime;

namespace InternalSite.Outputs.Email;

/// <summary>Gathers what the email template shows of a newsletter, with every URL already absolute.</summary>
internal static class EmailViewBuilder
{
    public static EmailView Build(SiteModel site, Newsletter newsletter) => new()
    {
        Subject = newsletter.Subject,
        Title = newsletter.Title,
        Preheader = newsletter.Preheader ?? string.Empty,
        DateText = DateText(newsletter.Date),
        Body = new HtmlString(newsletter.Html),
        Digest = Digest(site, newsletter),
        PortalUrl = site.AbsoluteUrl(newsletter.Route),
        WebUrl = site.AbsoluteUrl(OutputPaths.NewsletterEmail(newsletter)),
        SiteUrl = site.AbsoluteUrl(string.Empty),
        UnsubscribeUrl = UnsubscribeLink(site.Config.Newsletter?.ListUnsubscribe),
    };

    /// <summary>Releases grouped by product (in the order of the portal's product list), each group newest first.</summary>
    private static List<DigestGroup> Digest(SiteModel site, Newsletter newsletter) =>
        newsletter.DigestReleases
            .GroupBy(r => r.ProductSlug, StringComparer.Ordinal)
            .Select(g => (Product: g.First().Product, Slug: g.Key, Releases: g.ToList()))
            .OrderBy(g => g.Product?.Title ?? g.Slug, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Slug, StringComparer.Ordinal)
            .Select(g => new DigestGroup(
                g.Product?.Title ?? g.Slug,
                site.AbsoluteUrl(g.Product?.Route ?? OutputPaths.ProductReleasesListing(g.Slug)),
                g.Releases.Select(r => new DigestRelease(r.Title, r.VersionText, site.AbsoluteUrl(r.Route), r.Labels, DateText(r.Date), r.Summary)).ToList()))
            .ToList();

    private static string DateText(ZonedDateTime? date) =>
        date?.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The first web link of a List-Unsubscribe value, else its mailto link.</summary>
    internal static string? UnsubscribeLink(string? listUnsubscribe)
    {
        var links = UnsubscribeLinks(listUnsubscribe);
        return links.FirstOrDefault(l => l.StartsWith("http", StringComparison.OrdinalIgnoreCase)) ?? links.FirstOrDefault();
    }

    /// <summary>"&lt;mailto:x&gt;, https://y" → ["mailto:x", "https://y"].</summary>
    internal static IReadOnlyList<string> UnsubscribeLinks(string? listUnsubscribe) =>
        (listUnsubscribe ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Trim('<', '>', ' '))
            .Where(l => l.Length > 0)
            .ToList();
}
