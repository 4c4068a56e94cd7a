using System.Text.Encodings.Web;
using System.Text.Json;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written field by field in a fixed order with "\n" line ends, so
/// the bytes never depend on a serializer's reflection order. What JSON Feed has no field for (the product, the
/// version) goes in the "_internalsite" extension object the spec allows.
/// </summary>
public static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Letters of every script stay readable (right-to-left titles included), while "<", ">", "&" and quotes are
        // written as \u escapes: the file stays inert even if some tool pastes it into a page.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static byte[] Write(FeedDocument document)
    {
        using var memory = new MemoryStream();
        using (var json = new Utf8JsonWriter(memory, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", document.Title);
            json.WriteString("home_page_url", document.HomeUrl);
            json.WriteString("feed_url", document.SelfUrls[FeedFormat.Json]);
            json.WriteString("description", document.Description);
            json.WriteString("language", document.Language);
            WriteAuthors(json, document.Publisher);
            json.WriteStartArray("items");
            foreach (var entry in document.Entries)
            {
                WriteItem(json, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        memory.WriteByte((byte)'\n');
        return memory.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("url", entry.Url);
        json.WriteString("title", entry.Title);
        json.WriteString("content_html", entry.ContentHtml);
        if (entry.Summary is { } summary)
        {
            json.WriteString("summary", summary);
        }

        if (entry.ImageUrl is { } image)
        {
            json.WriteString("image", image);
        }

        json.WriteString("date_published", FeedDates.Rfc3339(entry.Published));
        json.WriteString("date_modified", FeedDates.Rfc3339(entry.Updated));
        if (entry.Author is { } author)
        {
            WriteAuthors(json, author);
        }

        // Labels, then the product: JSON Feed tags are plain strings.
        if (entry.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in entry.Categories)
            {
                json.WriteStringValue(category.Label);
            }

            json.WriteEndArray();
        }

        if (entry.Product is not null || entry.Version is not null)
        {
            json.WriteStartObject("_internalsite");
            if (entry.Product is { } product)
            {
                json.WriteStartObject("product");
                json.WriteString("slug", product.Slug);
                json.WriteString("title", product.Title);
                json.WriteString("url", product.Url);
                json.WriteEndObject();
            }

            if (entry.Version is { } version)
            {
                json.WriteString("version", version);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteAuthors(Utf8JsonWriter json, FeedPerson person)
    {
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", person.Name);
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
