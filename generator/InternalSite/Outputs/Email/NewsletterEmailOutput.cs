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
            var path = OutputPaths.NewsletterEmail(newsletter);
            if (collector?.Wants(newsletter) == true)
            {
                // Exported: the email itself is needed, so it is always made.
                if (Render(renderer, newsletter, context.Diagnostics, exported: true) is { } email)
                {
                    context.Emit(path, email.Html, Name);
                    collector.Add(email);
                }

                return;
            }

            // Everything the email is made from is recorded while it is made, so an incremental build keeps the last
            // build's file, without drawing, parsing or inlining anything, when none of it changed.
            context.EmitRendered(path, Name, () =>
            {
                var own = new DiagnosticBag();
                var email = Render(renderer, newsletter, own, exported: false);
                if (own.Count > 0)
                {
                    // Kept files report nothing, so an email with something to report is made (and reports it) every build.
                    Build.Incremental.ReadTracker.Untrackable();
                    foreach (var diagnostic in own.Sorted())
                    {
                        context.Diagnostics.Add(diagnostic);
                    }
                }

                return email?.Html;
            });
        });
    }

    private static RenderedEmail? Render(NewsletterEmailRenderer renderer, Newsletter newsletter, DiagnosticBag diagnostics, bool exported)
    {
        var email = renderer.Render(newsletter, diagnostics);
        if (email is not null && email.HtmlBytes > NewsletterEmailRenderer.MaxHtmlBytes)
        {
            // Too large to export, but still worth publishing as a page: an error only where it is sent.
            var message = $"the email is {email.HtmlBytes / 1024} KB of HTML; Gmail clips anything over {NewsletterEmailRenderer.MaxHtmlBytes / 1024} KB (expected a shorter newsletter, or fewer or smaller images)";
            if (exported)
            {
                diagnostics.Error(newsletter.SourceStart, DiagnosticCodes.Output, message);
            }
            else
            {
                diagnostics.Warning(newsletter.SourceStart, DiagnosticCodes.Output, message);
            }
        }

        return email;
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
