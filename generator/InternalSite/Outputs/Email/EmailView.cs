using InternalSite.Templating;

namespace InternalSite.Outputs.Email;

/// <summary>What the email template reads as <c>email</c> (members in snake_case: <c>email.portal_url</c>).</summary>
public sealed record EmailView
{
    public required string Subject { get; init; }

    public required string Title { get; init; }

    /// <summary>The inbox preview line; empty when the newsletter has no <c>preheader</c>.</summary>
    public required string Preheader { get; init; }

    /// <summary>
    /// Invisible spacing written after the preheader, so that clients do not fill the rest of the preview line with
    /// the first words of the body.
    /// </summary>
    public HtmlString PreheaderFiller { get; init; } = new(string.Concat(Enumerable.Repeat("&#847;&zwnj;&nbsp;", 60)));

    public required string DateText { get; init; }

    /// <summary>The newsletter's rendered markdown.</summary>
    public required HtmlString Body { get; init; }

    /// <summary>With <c>digest: true</c>: the release notes since the previous newsletter, one group per product.</summary>
    public required IReadOnlyList<DigestGroup> Digest { get; init; }

    /// <summary>The newsletter's page on the portal.</summary>
    public required string PortalUrl { get; init; }

    /// <summary>This email as a web page (the "view in browser" link).</summary>
    public required string WebUrl { get; init; }

    public required string SiteUrl { get; init; }

    /// <summary>An http(s) or mailto link to unsubscribe, from the config's <c>newsletter.listUnsubscribe</c>.</summary>
    public string? UnsubscribeUrl { get; init; }
}

/// <summary>The digest's releases of one product, newest first.</summary>
public sealed record DigestGroup(string Title, string Url, IReadOnlyList<DigestRelease> Releases);

public sealed record DigestRelease(string Title, string? Version, string Url, IReadOnlyList<string> Labels, string DateText, string? Summary);
