using System.IO.Compression;
using System.Text;
using System.Text.Json;
using InternalSite.Outputs;
using InternalSite.Outputs.Search;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Search;

public sealed class SearchIndexOutputTests
{
    private static readonly string Fixture = File.ReadAllText(Path.Combine(SearchJs.SourceFolder, "Ranking", "portal", "site.txt"));

    [Fact]
    public void Two_builds_write_byte_identical_index_files()
    {
        var (first, one) = TestSite.Build(Fixture);
        var (_, two) = TestSite.Build(Fixture);
        Assert.True(first.Succeeded, TestSite.Errors(first));

        var a = IndexFiles(one);
        var b = IndexFiles(two);
        Assert.True(a.Count > 5, "expected a manifest and several chunks");
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), path + " differs between two builds");
        }
    }

    [Fact]
    public void The_manifest_maps_every_vocabulary_chunk_and_counts_the_written_pages()
    {
        var (result, output) = TestSite.Build(Fixture);
        using var manifest = JsonDocument.Parse(output.Files[OutputPaths.SearchIndexFolder + "manifest.json"]);
        var root = manifest.RootElement;

        Assert.Equal(result.Site!.Pages.Count, root.GetProperty("docs").GetInt32());
        var keys = root.GetProperty("vocab").EnumerateArray().Select(k => k.GetString()!).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            using var vocabulary = Chunk(output, $"v/{i}.bin");
            var terms = vocabulary.RootElement.GetProperty("t").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.All(terms, t => Assert.StartsWith(keys[i], t, StringComparison.Ordinal));
            Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
        }

        Assert.Matches("^[0-9a-f]{16}$", root.GetProperty("hash").GetString());
    }

    [Fact]
    public void A_document_chunk_carries_the_url_and_the_sections_with_their_heading_anchors()
    {
        var (result, output) = TestSite.Build(Fixture);
        var guide = result.Site!.Guides.Single();
        var files = output.Files.Keys.Count(k => k.StartsWith("search/index/d/", StringComparison.Ordinal));
        var documents = Enumerable.Range(0, files).SelectMany(i => Chunk(output, $"d/{i}.bin").RootElement.EnumerateArray()).ToList();
        Assert.True(files < documents.Count, "documents travel several to a file");
        var document = documents.Single(d => d.GetProperty("t").GetString() == guide.Title);

        Assert.Equal("/tools/products/atlas/guides/administration/", document.GetProperty("u").GetString());
        Assert.Equal("guide", document.GetProperty("k").GetString());
        Assert.Equal("Atlas", document.GetProperty("p").GetString());
        var sections = document.GetProperty("s").EnumerateArray().ToList();
        Assert.Contains(sections, s => s[0].GetString() == "retention-policy" && s[2].GetString()!.Contains("archived", StringComparison.Ordinal));
    }

    [Fact]
    public void A_postings_chunk_gives_each_document_of_a_term_in_ascending_order_with_its_weight_and_section()
    {
        var (result, output) = TestSite.Build(Fixture);
        using var manifest = JsonDocument.Parse(output.Files[OutputPaths.SearchIndexFolder + "manifest.json"]);
        Assert.Equal(2, manifest.RootElement.GetProperty("version").GetInt32());
        var key = manifest.RootElement.GetProperty("vocab").EnumerateArray().Select((k, i) => (k.GetString()!, i)).Single(k => "archived".StartsWith(k.Item1, StringComparison.Ordinal)).i;
        using var vocabulary = Chunk(output, $"v/{key}.bin");
        var v = vocabulary.RootElement;
        var at = v.GetProperty("t").EnumerateArray().Select(t => t.GetString()).ToList().IndexOf("archived");
        var frequency = v.GetProperty("f")[at].GetInt32();

        var postings = Postings(output, v.GetProperty("p")[at].GetInt32())[v.GetProperty("o")[at].GetInt32()];

        Assert.Equal(frequency, postings.Count);
        Assert.Equal(postings.Select(p => p.Doc).Order(), postings.Select(p => p.Doc));
        Assert.Equal(postings.Count, postings.Select(p => p.Doc).Distinct().Count());
        var guide = SearchDocuments.From(result.Site!).Single(d => d.Page == result.Site!.Guides.Single());
        var hit = Assert.Single(postings, p => p.Doc == guide.Id);
        Assert.InRange(hit.Weight, 1, DocumentTerms.BodyMax); // in the text, not in the title or a heading
        Assert.Equal("retention-policy", guide.Page.TextSections[hit.Section - 1].HeadingId);
    }

    [Fact]
    public void Filters_list_each_value_with_its_documents()
    {
        var (result, output) = TestSite.Build(Fixture);
        using var facets = Chunk(output, "facets.bin");
        var byKey = facets.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);

        Assert.Equal(["product", "kind", "label", "audience"], byKey.Keys);
        int Count(string facet, string value) => byKey[facet].GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("k").GetString() == value).GetProperty("d").GetArrayLength();
        Assert.Equal(result.Site!.Releases.Count, Count("kind", "release"));
        Assert.Equal(1, Count("kind", "office-hours"));
        Assert.Equal(2, Count("label", "new"));
        Assert.Equal(5, Count("product", "atlas")); // product page, two releases, one guide, one office-hours series
        Assert.Equal(2, Count("audience", "analysts")); // the Atlas page and its 2.4 release
    }

    [Fact]
    public void Drafts_and_generated_listings_are_not_searchable()
    {
        var (_, output) = TestSite.Build(Fixture + """

            -- content/products/atlas/releases/9.0.0.md --
            ---
            title: Atlas 9 zanzibarian secret
            version: 9.0.0
            date: 2026-10-20
            draft: true
            ---
            Not yet.
            """);

        var answers = SearchJs.Run(output, "/tools/", "zanzibarian", "changelog");
        Assert.Equal(0, answers[0].Total);
        Assert.Equal(0, answers[1].Total); // the generated changelog page says "Changelog"; only written pages are indexed
    }

    [Fact]
    public void A_query_on_a_large_portal_fetches_a_small_part_of_the_index()
    {
        var site = new StringBuilder(TestSite.Config);
        var words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".Split(' ');
        for (var i = 0; i < 400; i++)
        {
            site.Append('\n').Append($"-- content/notes/note-{i}.md --\n---\ntitle: Note {i} {words[i % words.Length]}\n---\n");
            for (var p = 0; p < 6; p++)
            {
                site.Append(string.Join(' ', Enumerable.Range(0, 40).Select(w => words[((i * 7) + (p * 3) + (w * w)) % words.Length] + ((i + w) % 97).ToString(System.Globalization.CultureInfo.InvariantCulture))))
                    .Append(".\n\n");
            }
        }

        var (result, output) = TestSite.Build(site.ToString());
        Assert.True(result.Succeeded, TestSite.Errors(result));
        var index = IndexFiles(output);
        var answer = SearchJs.Run(output, "/tools/", "hotel").Single();

        Assert.True(answer.Total > 0);
        Assert.Contains("search/index/manifest.json", answer.Loaded);
        Assert.Single(answer.Loaded, p => p.Contains("/v/", StringComparison.Ordinal));
        var fetched = answer.Loaded.Distinct().Sum(p => output.Files[p].Length);
        var total = index.Values.Sum(b => b.Length);
        Assert.True(fetched * 5 < total, $"a one-word query fetched {fetched} of {total} index bytes");
        Assert.DoesNotContain("search/index/facets.bin", answer.Loaded);
    }

    [Fact]
    public void The_tokenizer_keeps_versions_whole_and_drops_stop_words_and_single_letters()
    {
        Assert.Equal(["atlas", "2.4.1", "fixes", "ünïcode", "v2"], SearchTokenizer.Terms("Atlas 2.4.1 fixes the Ünïcode a v2."));
    }

    private static Dictionary<string, byte[]> IndexFiles(MemoryOutputSink output) => output.Files
        .Where(f => f.Key.StartsWith(OutputPaths.SearchIndexFolder, StringComparison.Ordinal))
        .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>Decodes a postings chunk as docs/search.md describes it, independently of the writer's code.</summary>
    private static List<List<(int Doc, int Weight, int Section)>> Postings(MemoryOutputSink output, int chunk)
    {
        using var gzip = new GZipStream(new MemoryStream(output.Files[$"{OutputPaths.SearchIndexFolder}p/{chunk}.bin"]), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        var bytes = inflated.ToArray();
        Assert.Equal((byte)'P', bytes[0]);
        var at = 1;
        int Varint()
        {
            int value = 0, shift = 0, b;
            do
            {
                b = bytes[at++];
                value |= (b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return value;
        }

        var terms = new List<List<(int Doc, int Weight, int Section)>>();
        while (at < bytes.Length)
        {
            var n = Varint();
            var docs = new int[n];
            for (int i = 0, doc = 0; i < n; i++)
            {
                doc += Varint();
                docs[i] = doc;
            }

            var weights = bytes[at..(at + n)];
            at += n;
            terms.Add(docs.Select((doc, i) => (doc, (int)weights[i], Varint())).ToList());
        }

        return terms;
    }

    /// <summary>Reads a chunk with the framework's gzip and JSON readers, not our writer's code.</summary>
    private static JsonDocument Chunk(MemoryOutputSink output, string name)
    {
        using var gzip = new GZipStream(new MemoryStream(output.Files[OutputPaths.SearchIndexFolder + name]), CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }
}
