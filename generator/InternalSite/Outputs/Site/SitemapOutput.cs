using System.Text;
using System.Xml;
using InternalSite.Model;
using NodaTime.Text;

namespace InternalSite.Outputs.Site;

/// <summary><c>sitemap.xml</c> with every listed page and its last change, and <c>robots.txt</c> pointing at it.</summary>
public sealed class SitemapOutput : ISiteOutput
{
    public string Name => "sitemap";

    public void Write(OutputContext context)
    {
        var site = context.Site;
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var memory = new MemoryStream();
        using (var xml = XmlWriter.Create(memory, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in site.AllPages.Where(IsListed).OrderBy(p => p.Route, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", site.AbsoluteUrl(page.Route));
                if (page.LastModified is { } modified)
                {
                    xml.WriteElementString("lastmod", LocalDatePattern.Iso.Format(modified.Date));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        memory.WriteByte((byte)'\n');
        context.Emit("sitemap.xml", memory.ToArray(), Name);
        context.Emit("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {site.AbsoluteUrl("sitemap.xml")}\n", Name);
    }

    private static bool IsListed(Page page) => page is not GeneratedPage { Listed: false };
}
