using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Diagnostics;
using InternalSite.Model;

namespace InternalSite.Outputs.Email;

/// <summary>One exported newsletter: the files <c>newsletter export</c> writes as &lt;slug&gt;.eml, .html and .txt.</summary>
public sealed record ExportedNewsletter(string Slug, byte[] Eml, string Html, string Text);

public sealed record NewsletterExportResult(
    BuildResult Build,
    IReadOnlyList<ExportedNewsletter> Newsletters,
    IReadOnlyList<string> UnknownSlugs,
    IReadOnlyList<string> AvailableSlugs)
{
    /// <summary>Every diagnostic of the build and the export.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Build.Diagnostics;

    public bool Succeeded => Build.Succeeded && UnknownSlugs.Count == 0;
}

/// <summary>
/// Exports newsletters as email. It builds the whole site in memory, so a content error anywhere is reported as it
/// is by <c>check</c>, and takes the emails from that build: the exported HTML is the published "view as email" page.
/// </summary>
public static class NewsletterExporter
{
    /// <param name="slugs">The newsletters to export; null for all of them.</param>
    public static NewsletterExportResult Export(SiteSource source, BuildOptions options, IReadOnlyCollection<string>? slugs)
    {
        var collector = new NewsletterEmailCollector(slugs);
        var outputs = (options.Outputs ?? OutputRegistry.Default())
            .Select(o => o is NewsletterEmailOutput ? new NewsletterEmailOutput(collector) : o).ToList();
        if (!outputs.OfType<NewsletterEmailOutput>().Any())
        {
            outputs.Add(new NewsletterEmailOutput(collector));
        }

        var build = SiteBuilder.Build(source, options with { Outputs = outputs }, new MemoryOutputSink());
        var site = build.Site;
        if (site is null)
        {
            return new NewsletterExportResult(build, [], [], []);
        }

        var available = site.Newsletters.Select(n => n.Slug).ToList();
        var unknown = (slugs ?? []).Where(s => !available.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var diagnostics = new DiagnosticBag();
        var exported = new List<ExportedNewsletter>();
        foreach (var email in collector.Emails(site))
        {
            if (NewsletterMessage.Write(email, site, diagnostics) is { } eml)
            {
                exported.Add(new ExportedNewsletter(email.Newsletter.Slug, eml, email.Html, email.Text));
            }
        }

        // A missing sender is reported once, not once per newsletter.
        var all = build.Diagnostics.Concat(diagnostics.Sorted().Distinct()).ToList();
        return new NewsletterExportResult(build with { Diagnostics = all }, exported, unknown, available);
    }
}
