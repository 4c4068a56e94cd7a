using System.Collections.Concurrent;
using InternalSite.Diagnostics;
using InternalSite.Model;

namespace InternalSite.Outputs.Email;

/// <summary>
/// Publishes each newsletter's email beside its page (<see cref="OutputPaths.NewsletterEmail"/>), the "view as
/// email" version its page links to. With a collector it also hands the emails of the chosen newsletters to
/// <c>newsletter export</c>, from the same build, so the exported files and the published page never differ.
/// </summary>
public sealed class NewsletterEmailOutput(NewsletterEmailCollector? collector = null) : ISiteOutput
{
    public string Name => "newsletter email";

    public void Write(OutputContext context)
    {
        var renderer = new NewsletterEmailRenderer(context);
        Parallel.ForEach(context.Site.Newsletters, newsletter =>
        {
            var email = renderer.Render(newsletter);
            if (email is null)
            {
                return;
            }

            var exported = collector?.Wants(newsletter) == true;
            if (email.HtmlBytes > NewsletterEmailRenderer.MaxHtmlBytes)
            {
                // Too large to export, but still worth publishing as a page: an error only where it is sent.
                var message = $"the email is {email.HtmlBytes / 1024} KB of HTML; Gmail clips anything over {NewsletterEmailRenderer.MaxHtmlBytes / 1024} KB (expected a shorter newsletter, or fewer or smaller images)";
                if (exported)
                {
                    context.Diagnostics.Error(newsletter.SourceStart, DiagnosticCodes.Output, message);
                }
                else
                {
                    context.Diagnostics.Warning(newsletter.SourceStart, DiagnosticCodes.Output, message);
                }
            }

            context.Emit(OutputPaths.NewsletterEmail(newsletter), email.Html, Name);
            if (exported)
            {
                collector!.Add(email);
            }
        });
    }
}

/// <summary>Which newsletters <c>newsletter export</c> asked for, and their emails once rendered.</summary>
public sealed class NewsletterEmailCollector(IReadOnlyCollection<string>? slugs)
{
    private readonly ConcurrentDictionary<string, RenderedEmail> emails = new(StringComparer.Ordinal);

    /// <summary>Null: every newsletter.</summary>
    public IReadOnlyCollection<string>? Slugs { get; } = slugs;

    public bool Wants(Newsletter newsletter) => Slugs is null || Slugs.Contains(newsletter.Slug);

    public void Add(RenderedEmail email) => emails[email.Newsletter.Slug] = email;

    /// <summary>Newest first, as the site lists them.</summary>
    public IReadOnlyList<RenderedEmail> Emails(SiteModel site) =>
        site.Newsletters.Where(n => emails.ContainsKey(n.Slug)).Select(n => emails[n.Slug]).ToList();
}
