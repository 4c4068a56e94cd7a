using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using InternalSite.Model;
using NodaTime.Text;

namespace InternalSite.Outputs.Site;

/// <summary><c>sitemap.xml</c> with every listed page and its last change, and <c>robots.txt</c> pointing at it.</summary>
/// <remarks>
/// The sitemap is made from each listed page's route and date of last change, and the base URL, and from nothing
/// else: an incremental build hashes those (much cheaper than writing the XML with every absolute URL) and keeps the
/// last build's file when they are the same, as after an edit to a page's text (see <see cref="Fingerprint"/>).
/// </remarks>
public sealed class SitemapOutput : ISiteOutput
{
    public string Name => "sitemap";

    public void Write(OutputContext context)
    {
        var site = context.Site;
        var listed = site.AllPages.Where(IsListed).ToList();
        context.EmitFingerprinted("sitemap.xml", Name, Fingerprint(site.Config.BaseUrl, listed), () => Sitemap(site, Entries(listed)));
        context.Emit("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {site.AbsoluteUrl("sitemap.xml")}\n", Name);
    }

    /// <summary>
    /// A hash of the base URL and each listed page's route and day of last change, in the model's order (a function of
    /// the sources, as the sitemap's is): the same pages give the same sitemap. The characters and numbers are hashed as
    /// they are, without formatting a date or sorting the routes, which only writing the file needs.
    /// </summary>
    internal static string Fingerprint(Uri baseUrl, IReadOnlyList<Page> listed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, baseUrl.AbsoluteUri, 0, 0, 0);
        foreach (var page in listed)
        {
            if (page.LastModified is { } modified)
            {
                var date = modified.Date;
                Append(hash, page.Route, date.Year, date.Month, date.Day);
            }
            else
            {
                // No date has a month -1, so an undated page never hashes like a dated one.
                Append(hash, page.Route, 0, -1, -1);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A text, length first so no two lists of texts collide, and three numbers.</summary>
    private static void Append(IncrementalHash hash, string text, int year, int month, int day)
    {
        ReadOnlySpan<int> numbers = [text.Length, year, month, day];
        hash.AppendData(MemoryMarshal.AsBytes(numbers));
        hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static List<SitemapEntry> Entries(List<Page> listed) => listed
        .Select(page => new SitemapEntry(page.Route, page.LastModified is { } modified ? LocalDatePattern.Iso.Format(modified.Date) : null))
        .OrderBy(entry => entry.Route, StringComparer.Ordinal)
        .ToList();

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
