using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using NodaTime.Text;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Writes the client-side search index under <see cref="OutputPaths.SearchIndexFolder"/> from the site model's
/// titles, headings and text sections (extracted once while rendering markdown; no HTML is read back):
/// <list type="bullet">
/// <item><c>manifest.json</c>: the chunk map, small enough to fetch on the first keystroke;</item>
/// <item><c>v/N.bin</c>: the sorted vocabulary of one first letter (or two), with document frequencies and the
/// postings chunk of each term;</item>
/// <item><c>p/N.bin</c>: postings of consecutive terms: [doc delta, weight, section] triples;</item>
/// <item><c>d/N.bin</c>: one document's title, URL, kind, product, date and section texts, for showing a result;</item>
/// <item><c>facets.bin</c>: the documents of every filter value, fetched only where filters are shown.</item>
/// </list>
/// Chunks are gzipped JSON. docs/search.md describes the format.
/// </summary>
public sealed class SearchIndexOutput : ISiteOutput
{
    public const int FormatVersion = 1;

    /// <summary>A result shows an excerpt, not the page: text past this many characters per page is not shipped.</summary>
    public const int MaxDocumentText = 12_000;

    /// <summary>
    /// Documents per <c>d/N.bin</c> file. Each file is one more file to create on every build (the costliest part of
    /// writing a large index); four per file cuts that by three quarters for a few more kilobytes per result page.
    /// </summary>
    public const int DocumentsPerChunk = 4;

    public string Name => "search index";

    public void Write(OutputContext context)
    {
        var site = context.Site;
        var documents = SearchDocuments.From(site);

        var hits = new List<TermHit>[documents.Count];
        Parallel.For(0, documents.Count, i => hits[i] = SearchTermsCache.Of(documents[i], context));
        var folder = OutputPaths.SearchIndexFolder;
        var docChunks = new ReusableChunk[(documents.Count + DocumentsPerChunk - 1) / DocumentsPerChunk];
        Parallel.For(0, docChunks.Length, i => docChunks[i] = ReusableChunk.Of(context, ChunkPath(folder + "d/", i), DocumentChunk(
            context, documents.Skip(i * DocumentsPerChunk).Take(DocumentsPerChunk)), CompressionLevel.Fastest));

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < documents.Count; id++)
        {
            foreach (var hit in hits[id])
            {
                if (!postings.TryGetValue(hit.Term, out var list))
                {
                    list = [];
                    postings[hit.Term] = list;
                }

                list.Add(id);
                list.Add(hit.Weight);
                list.Add(hit.Section);
            }
        }

        var layout = IndexLayout.Plan(postings);
        var vocabChunks = new ReusableChunk[layout.Vocabularies.Count];
        Parallel.For(0, vocabChunks.Length, i => vocabChunks[i] = ReusableChunk.Of(
            context, ChunkPath(folder + "v/", i), VocabularyChunk(layout.Vocabularies[i], postings, layout)));
        var shardChunks = new ReusableChunk[layout.Shards.Count];
        Parallel.For(0, layout.Shards.Count, i => shardChunks[i] = ReusableChunk.Of(
            context, ChunkPath(folder + "p/", i), PostingsChunk(layout.Shards[i], postings)));
        var facetsChunk = IndexChunks.Gzip(FacetsChunk(SearchFacets.Of(site, documents)));

        var hash = Hash(Bytes(vocabChunks), Bytes(shardChunks), Bytes(docChunks), [facetsChunk]);
        context.Emit(folder + "manifest.json", Manifest(documents.Count, layout, hash), Name);
        context.Emit(folder + "facets.bin", facetsChunk, Name);
        Emit(context, vocabChunks);
        Emit(context, shardChunks);
        Emit(context, docChunks);
    }

    private static string ChunkPath(string folder, int index) => folder + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".bin";

    private static byte[][] Bytes(ReusableChunk[] chunks) => chunks.Select(c => c.Bytes).ToArray();

    private void Emit(OutputContext context, ReusableChunk[] chunks)
    {
        foreach (var chunk in chunks)
        {
            context.EmitFingerprinted(chunk.Path, Name, chunk.Fingerprint, () => chunk.Bytes);
        }
    }

    private static byte[] Manifest(int documents, IndexLayout layout, string hash) => IndexChunks.Json(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteString("hash", hash);
        json.WriteNumber("docs", documents);
        json.WriteNumber("docGroup", DocumentsPerChunk);
        json.WriteNumber("minTerm", SearchTokenizer.MinTermLength);
        json.WriteNumber("titleBand", DocumentTerms.TitleBand);
        json.WriteNumber("headingBand", DocumentTerms.HeadingBand);
        json.WriteStartArray("stop");
        foreach (var word in SearchTokenizer.StopWords)
        {
            json.WriteStringValue(word);
        }

        json.WriteEndArray();
        json.WriteStartArray("vocab");
        foreach (var key in layout.VocabularyKeys)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static byte[] VocabularyChunk(List<string> terms, Dictionary<string, List<int>> postings, IndexLayout layout) => IndexChunks.Json(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("t");
        terms.ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteStartArray("f");
        terms.ForEach(t => json.WriteNumberValue(postings[t].Count / 3));
        json.WriteEndArray();
        json.WriteStartArray("p");
        terms.ForEach(t => json.WriteNumberValue(layout.ShardOf[t]));
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static byte[] PostingsChunk(List<string> terms, Dictionary<string, List<int>> postings) => IndexChunks.Json(json =>
    {
        json.WriteStartObject();
        foreach (var term in terms)
        {
            json.WriteStartArray(term);
            var list = postings[term];
            var previous = 0;
            for (var i = 0; i < list.Count; i += 3)
            {
                // Doc ids ascend: deltas are small numbers, and small numbers compress well.
                json.WriteNumberValue(list[i] - previous);
                json.WriteNumberValue(list[i + 1]);
                json.WriteNumberValue(list[i + 2]);
                previous = list[i];
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    });

    private static byte[] DocumentChunk(OutputContext context, IEnumerable<SearchDocument> group) => IndexChunks.Json(json =>
    {
        json.WriteStartArray();
        foreach (var document in group)
        {
            WriteDocument(json, context, document);
        }

        json.WriteEndArray();
    }); // gzipped at CompressionLevel.Fastest: thousands of small files, level 1 is 3% bigger and several times faster here

    private static void WriteDocument(System.Text.Json.Utf8JsonWriter json, OutputContext context, SearchDocument document)
    {
        var page = document.Page;
        var product = document.ProductSlug is { } slug ? context.Site.Product(slug)?.Title ?? slug : null;
        json.WriteStartObject();
        json.WriteString("t", page.Title);
        json.WriteString("u", context.Site.Url(page.Route));
        json.WriteString("k", document.KindKey);
        if (product is not null)
        {
            json.WriteString("p", product);
        }

        if (page.Date is { } date)
        {
            json.WriteString("d", LocalDatePattern.Iso.Format(date.Date));
        }

        if (page.Summary is { Length: > 0 } summary)
        {
            json.WriteString("m", summary);
        }

        json.WriteStartArray("s");
        var budget = MaxDocumentText;
        foreach (var section in page.TextSections)
        {
            var text = section.Text.Length <= budget ? section.Text : section.Text[..Math.Max(0, budget)];
            budget -= text.Length;
            json.WriteStartArray();
            WriteStringOrNull(json, section.HeadingId);
            WriteStringOrNull(json, section.HeadingText);
            json.WriteStringValue(text);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static byte[] FacetsChunk(IReadOnlyList<Facet> facets) => IndexChunks.Json(json =>
    {
        json.WriteStartArray();
        foreach (var facet in facets)
        {
            json.WriteStartObject();
            json.WriteString("key", facet.Key);
            json.WriteString("name", facet.Name);
            json.WriteStartArray("values");
            foreach (var value in facet.Values)
            {
                json.WriteStartObject();
                json.WriteString("k", value.Key);
                json.WriteString("n", value.Name);
                json.WriteStartArray("d");
                var previous = 0;
                foreach (var id in value.Documents)
                {
                    json.WriteNumberValue(id - previous);
                    previous = id;
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static void WriteStringOrNull(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    /// <summary>Names this build's chunks: search.js adds it to every chunk URL, so a cache never mixes two builds.</summary>
    private static string Hash(params byte[][][] groups)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var group in groups)
        {
            foreach (var chunk in group)
            {
                sha.AppendData(chunk);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
