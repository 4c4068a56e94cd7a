using System.Text;
using System.Xml;
using InternalSite.Build.Incremental;
using InternalSite.Model;
using NodaTime.Text;

namespace InternalSite.Outputs.Site;

/// <summary><c>sitemap.xml</c> with every listed page and its last change, and <c>robots.txt</c> pointing at it.</summary>
/// <remarks>
/// The sitemap is made from each listed page's route and date of last change, and the base URL, and from nothing
/// else: an incremental build hashes those (much cheaper than writing the XML with every absolute URL) and keeps the
/// last build's file when they are the same, as after an edit to a page's text.
/// </remarks>
public sealed class SitemapOutput : ISiteOutput
{
    public string Name => "sitemap";

    public void Write(OutputContext context)
    {
        var site = context.Site;
        var entries = site.AllPages.Where(IsListed)
            .Select(page => new SitemapEntry(page.Route, page.LastModified is { } modified ? LocalDatePattern.Iso.Format(modified.Date) : null))
            .OrderBy(entry => entry.Route, StringComparer.Ordinal)
            .ToList();
        var fingerprint = StableHash.Of(entries.SelectMany(e => new[] { e.Route, e.LastModified }).Prepend(site.Config.BaseUrl.AbsoluteUri));
        context.EmitFingerprinted("sitemap.xml", Name, fingerprint, () => Sitemap(site, entries));
        context.Emit("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {site.AbsoluteUrl("sitemap.xml")}\n", Name);
    }

    private static byte[] Sitemap(SiteModel site, List<SitemapEntry> entries)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var memory = new MemoryStream();
        using (var xml = XmlWriter.Create(memory, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", site.AbsoluteUrl(entry.Route));
                if (entry.LastModified is { } modified)
                {
                    xml.WriteElementString("lastmod", modified);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        memory.WriteByte((byte)'\n');
        return memory.ToArray();
    }

    private static bool IsListed(Page page) => page is not GeneratedPage { Listed: false };

    /// <summary>A listed page: its route and the ISO date of its last change, if it has one.</summary>
    private sealed record SitemapEntry(string Route, string? LastModified);
}
