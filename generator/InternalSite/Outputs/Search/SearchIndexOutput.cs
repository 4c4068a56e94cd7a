using System.Text.Json;
using NodaTime.Text;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Writes the client-side search index under <see cref="OutputPaths.SearchIndexFolder"/> from the site model's
/// titles, headings and text sections (extracted once while rendering markdown; no HTML is read back):
/// <list type="bullet">
/// <item><c>manifest.json</c>: the chunk map, small enough to fetch on the first keystroke;</item>
/// <item><c>v/N.bin</c>: the sorted vocabulary of one first letter (or two), with document frequencies and the
/// postings chunk of each term and its place there;</item>
/// <item><c>p/N.bin</c>: postings of consecutive terms in binary columns: doc deltas, weights, sections;</item>
/// <item><c>d/N.bin</c>: a few documents' titles, URLs, kinds, products, dates and section texts, for showing results;</item>
/// <item><c>facets.bin</c>: the documents of every filter value, fetched only where filters are shown.</item>
/// </list>
/// Chunks are gzipped (JSON, but for the postings). docs/search.md describes the format.
/// </summary>
public sealed class SearchIndexOutput : ISiteOutput
{
    /// <summary>2: postings chunks are binary columns (see <see cref="PostingsChunk"/>); vocabularies say where a term sits in its chunk.</summary>
    public const int FormatVersion = 2;

    /// <summary>A result shows an excerpt, not the page: text past this many characters per page is not shipped.</summary>
    public const int MaxDocumentText = 12_000;

    /// <summary>
    /// Documents per <c>d/N.bin</c> file. Each file is one more file to create on every build (the costliest part of
    /// writing a large index), and every result shown fetches its whole file: five per file balances the two.
    /// </summary>
    public const int DocumentsPerChunk = 5;

    public string Name => "search index";

    public void Write(OutputContext context)
    {
        var site = context.Site;
        var documents = SearchDocuments.From(site);
        var products = new ProductNames(site);
        var session = context.Incremental;
        var previous = session?.PreviousSearchIndex;
        var keys = session is null ? null : SearchDocumentKeys.Of(session, site, documents, products);
        var (postings, keptShards) = Postings(session, documents, keys);
        var layout = IndexLayout.Plan(postings);

        // One parallel pass over every chunk: the big ones (documents, postings) and the small ones alike. A document
        // chunk whose documents all have the keys they had in the last build is not even serialized (see IndexChunk).
        var folder = OutputPaths.SearchIndexFolder;
        var docChunks = new IndexChunk[(documents.Count + DocumentsPerChunk - 1) / DocumentsPerChunk];
        var shardChunks = new IndexChunk[layout.Shards.Count];
        var vocabChunks = new IndexChunk[layout.Vocabularies.Count];
        var facetsChunk = Array.Empty<byte>();
        var (keptShardFingerprints, shardsKeptInPlace) = KeptShardFingerprints(keptShards, postings.Terms, layout);
        Parallel.For(0, docChunks.Length + shardChunks.Length + vocabChunks.Length + 1, i =>
        {
            if (i < docChunks.Length)
            {
                var path = ChunkPath(folder + "d/", i);
                var group = Group(documents, i);
                docChunks[i] = Unchanged(i, group.Length, keys, previous)
                    ? IndexChunk.Kept(path, previous!.DocumentChunkFingerprints[i], () => DocumentChunk(context, products, group))
                    : IndexChunk.Of(path, DocumentChunk(context, products, group));
            }
            else if ((i -= docChunks.Length) < shardChunks.Length)
            {
                var path = ChunkPath(folder + "p/", i);
                var range = layout.Shards[i];
                shardChunks[i] = keptShardFingerprints[i] is { } kept
                    ? IndexChunk.Kept(path, kept, () => PostingsChunk.Encode(postings, range))
                    : IndexChunk.Of(path, PostingsChunk.Encode(postings, range));
            }
            else if ((i -= shardChunks.Length) < vocabChunks.Length)
            {
                var path = ChunkPath(folder + "v/", i);
                var range = layout.Vocabularies[i];
                vocabChunks[i] = keptShards?.Vocabulary(postings.Terms, range, layout, shardsKeptInPlace) is { } kept
                    ? IndexChunk.Kept(path, kept, () => VocabularyChunk(range, postings, layout))
                    : IndexChunk.Of(path, VocabularyChunk(range, postings, layout));
            }
            else
            {
                facetsChunk = FacetsChunk(SearchFacets.Of(products, documents));
            }
        });

        var hash = Hash(vocabChunks.Concat(shardChunks).Concat(docChunks), facetsChunk);
        context.Emit(folder + "manifest.json", Manifest(documents.Count, layout, hash), Name);
        context.Emit(folder + "facets.bin", facetsChunk, Name);

        // Creating files costs the kernel more than anything above costs us: let both cores create them.
        Parallel.ForEach(vocabChunks.Concat(shardChunks).Concat(docChunks), chunk =>
            context.EmitFingerprinted(chunk.Path, Name, chunk.Fingerprint, chunk.Gzipped));

        if (session is not null && keys is not null)
        {
            session.NextSearchIndex = new SearchIndexState(keys, docChunks.Select(c => c.Fingerprint).ToArray(), postings)
            {
                Shards = layout.Shards.Select((range, i) => TermRunChunk.Of(postings.Terms, range, shardChunks[i].Fingerprint)).ToArray(),
                Vocabularies = layout.Vocabularies.Select((range, i) => TermRunChunk.Of(postings.Terms, range, vocabChunks[i].Fingerprint)).ToArray(),
            };
        }
    }

    /// <summary>
    /// Every document's postings. In an incremental build that knows the last build's index, only documents whose key
    /// changed (or that are new) are tokenized, and their postings merged with the others' from the last build.
    /// </summary>
    /// <remarks>Also says which postings chunks of the last build are unchanged (null when it does not know).</remarks>
    private static (PostingsIndex Postings, KeptShards? Kept) Postings(
        Build.Incremental.IncrementalSession? session, IReadOnlyList<SearchDocument> documents, string?[]? keys)
    {
        var table = new TermTable();
        var terms = new SearchTermCache(session);
        var keptNow = new bool[documents.Count];
        if (session?.PreviousSearchIndex is not { } previous || keys is null
            || SearchIndexRenumbering.Of(previous.DocumentKeys, keys, keptNow) is not { } newIdOf)
        {
            return (PostingsIndex.Build(table, terms.Hits(documents, table)), null);
        }

        var changed = documents.Where(d => !keptNow[d.Id]).ToList();
        var changedPostings = PostingsIndex.Build(table, changed.Select(d => d.Id).ToArray(), terms.Hits(changed, table));
        var dropsDocument = DroppedPostings.TermsWithDroppedDocuments(previous.Postings, newIdOf);
        return (PostingsPatch.Merge(previous.Postings, newIdOf, changedPostings, dropsDocument),
            KeptShards.Of(previous, newIdOf, changedPostings, documents.Count, dropsDocument));
    }

    /// <summary>Per postings chunk: the last build's fingerprint when it is unchanged, and whether it also kept its number.</summary>
    private static (string?[] Fingerprints, bool[] InPlace) KeptShardFingerprints(KeptShards? kept, IReadOnlyList<string> terms, IndexLayout layout)
    {
        var fingerprints = new string?[layout.Shards.Count];
        var inPlace = new bool[layout.Shards.Count];
        for (var i = 0; kept is not null && i < fingerprints.Length; i++)
        {
            if (kept.Shard(terms, layout.Shards[i]) is var (fingerprint, number))
            {
                fingerprints[i] = fingerprint;
                inPlace[i] = number == i;
            }
        }

        return (fingerprints, inPlace);
    }

    /// <summary>Whether document chunk <paramref name="chunk"/> holds the same documents, with the same keys, as in the last build.</summary>
    private static bool Unchanged(int chunk, int count, string?[]? keys, SearchIndexState? previous)
    {
        if (keys is null || previous is null || chunk >= previous.DocumentChunkFingerprints.Length)
        {
            return false;
        }

        var first = chunk * DocumentsPerChunk;
        if (Math.Min(DocumentsPerChunk, previous.DocumentKeys.Length - first) != count)
        {
            return false;
        }

        for (var id = first; id < first + count; id++)
        {
            if (keys[id] is null || !string.Equals(keys[id], previous.DocumentKeys[id], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static SearchDocument[] Group(IReadOnlyList<SearchDocument> documents, int chunk)
    {
        var first = chunk * DocumentsPerChunk;
        var group = new SearchDocument[Math.Min(DocumentsPerChunk, documents.Count - first)];
        for (var i = 0; i < group.Length; i++)
        {
            group[i] = documents[first + i];
        }

        return group;
    }

    private static string ChunkPath(string folder, int index) => folder + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".bin";

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

    /// <summary>Terms (t), their document counts (f), postings chunks (p) and places within those chunks (o).</summary>
    private static byte[] VocabularyChunk(Range range, PostingsIndex postings, IndexLayout layout) => IndexChunks.Json(json =>
    {
        var (first, count) = range.GetOffsetAndLength(postings.Terms.Count);
        json.WriteStartObject();
        json.WriteStartArray("t");
        for (var t = first; t < first + count; t++)
        {
            json.WriteStringValue(postings.Terms[t]);
        }

        json.WriteEndArray();
        json.WriteStartArray("f");
        for (var t = first; t < first + count; t++)
        {
            json.WriteNumberValue(postings.Frequency(t));
        }

        json.WriteEndArray();
        json.WriteStartArray("p");
        for (var t = first; t < first + count; t++)
        {
            json.WriteNumberValue(layout.ShardOf[t]);
        }

        json.WriteEndArray();
        json.WriteStartArray("o");
        for (var t = first; t < first + count; t++)
        {
            json.WriteNumberValue(t - layout.Shards[layout.ShardOf[t]].Start.Value);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static byte[] DocumentChunk(OutputContext context, ProductNames products, IReadOnlyList<SearchDocument> group) => IndexChunks.Json(json =>
    {
        json.WriteStartArray();
        foreach (var document in group)
        {
            WriteDocument(json, context, products, document);
        }

        json.WriteEndArray();
    });

    private static void WriteDocument(Utf8JsonWriter json, OutputContext context, ProductNames products, SearchDocument document)
    {
        var page = document.Page;
        var product = ProductName(products, document);
        json.WriteStartObject();
        json.WriteString("t", page.Title);
        json.WriteString("u", context.Site.Url(page.Route));
        json.WriteString("k", document.KindKey);
        if (product is not null)
        {
            json.WriteString("p", product);
        }

        if (DateOf(page) is { } date)
        {
            json.WriteString("d", date);
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

    private static string? ProductName(ProductNames products, SearchDocument document) =>
        document.ProductSlug is { } slug ? products.NameOf(slug) : null;

    private static string? DateOf(Model.Page page) => page.Date is { } date ? LocalDatePattern.Iso.Format(date.Date) : null;

    private static byte[] FacetsChunk(IReadOnlyList<Facet> facets) => IndexChunks.GzipJson(json =>
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

    /// <summary>
    /// Names this build's chunks: search.js adds it to every chunk URL, so a cache never mixes two builds. Made from
    /// the chunks' fingerprints (hashes of their bytes before gzip), so an incremental build need not read kept files.
    /// </summary>
    private static string Hash(IEnumerable<IndexChunk> chunks, byte[] facets) =>
        Build.Incremental.StableHash.Of([.. chunks.Select(c => c.Fingerprint), Build.Incremental.StableHash.Of(facets)])[..16];
}
