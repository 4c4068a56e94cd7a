using InternalSite.Build.Incremental;
using InternalSite.Outputs;
using InternalSite.Outputs.Search;
using InternalSite.Tests.Cli;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// An incremental build makes the search index from the last build's (postings merged, unchanged document chunks
/// not even serialized): after every kind of edit, the index must still be byte for byte a full build's.
/// </summary>
public sealed class SearchIndexIncrementalTests
{
    private const int Notes = 24;

    private static string Note(int n) => $"content/products/atlas/releases/3.{n}.0.md";

    /// <summary>The sample site and enough dated release notes to fill several document chunks, each with a word of its own.</summary>
    private static IncrementalHarness Built()
    {
        var files = SampleSite.Files();
        for (var n = 0; n < Notes; n++)
        {
            files[Note(n)] = $"---\ntitle: Atlas 3.{n}\nversion: 3.{n}.0\ndate: 2026-0{1 + (n % 9)}-{10 + (n % 18)}\nlabels: [improved]\n---\n"
                + $"Release {n} brings word{n}x and shared tiles.\n\n## Details\n\nMore about release {n}.\n";
        }

        var site = new IncrementalHarness(files);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        Assert.NotNull(site.State.SearchIndex);
        return site;
    }

    private static void AssertIndexSameAsFullBuild(IncrementalHarness site)
    {
        Assert.True(site.LastResult.Succeeded, TestSite.Errors(site.LastResult));
        var full = site.FullBuild();
        var index = full.Keys.Where(p => p.StartsWith(OutputPaths.SearchIndexFolder, StringComparison.Ordinal)).ToList();
        Assert.Equal(index.Order(StringComparer.Ordinal),
            site.Output.Keys.Where(p => p.StartsWith(OutputPaths.SearchIndexFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var path in index)
        {
            Assert.True(full[path].AsSpan().SequenceEqual(site.Output[path]), $"{path} differs from a full build");
        }

        site.AssertSameAsFullBuild();
    }

    private static void AssertSamePostings(PostingsIndex saved, PostingsIndex loaded)
    {
        var (documents, weights, sections) = saved.Flattened();
        var flat = loaded.Flattened();
        Assert.Equal(documents, flat.Documents);
        Assert.Equal(weights, flat.Weights);
        Assert.Equal(sections, flat.Sections);
    }

    private static readonly string[] EditNames =
    [
        "body", "new word", "word removed", "title", "summary", "date", "new newest note", "new note in the middle",
        "deleted note", "product renamed", "draft", "nothing",
    ];

    public static TheoryData<string> Edits() => new(EditNames);

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_index_equals_a_full_builds(string edit)
    {
        var site = Built();
        Apply(site, edit);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        AssertIndexSameAsFullBuild(site);

        // And the state it left carries the next build as well.
        site.Edit(Note(3), "More about release 3.", "More about release 3, again.");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        AssertIndexSameAsFullBuild(site);
    }

    [Fact]
    public void Many_edits_in_a_row_keep_the_index_equal_to_a_full_builds()
    {
        var site = Built();
        foreach (var edit in EditNames)
        {
            Apply(site, edit);
            Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
            AssertIndexSameAsFullBuild(site);
        }
    }

    [Fact]
    public void A_body_edit_remakes_only_the_document_chunk_of_that_page()
    {
        var site = Built();
        var before = site.Output;
        site.Edit(Note(5), "More about release 5.", "More about release 5, now longer.");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        AssertIndexSameAsFullBuild(site);

        var documents = site.Output.Keys.Where(k => k.StartsWith(OutputPaths.SearchIndexFolder + "d/", StringComparison.Ordinal)).ToList();
        var made = documents.Where(k => !ReferenceEquals(before[k], site.Output[k])).ToList();
        Assert.True(documents.Count > 3, "the site should have several document chunks");
        Assert.Single(made);
    }

    [Fact]
    public void Pages_left_alone_keep_their_key_strings_and_an_edited_title_makes_a_new_key()
    {
        var site = Built();
        var before = site.State.SearchIndex!.DocumentKeys;
        site.Edit(Note(10), "title: Atlas 3.10", "title: Atlas 3.10 renamed");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        AssertIndexSameAsFullBuild(site);

        // Remembered with the markdown entry, not hashed again; the edited page's title is in its key.
        var after = site.State.SearchIndex!.DocumentKeys;
        Assert.Equal(before.Length, after.Length);
        var remade = Enumerable.Range(0, after.Length).Where(i => !ReferenceEquals(before[i], after[i])).ToList();
        var edited = Assert.Single(remade);
        Assert.NotEqual(before[edited], after[edited]);
    }

    [Fact]
    public void A_body_edit_keeps_the_postings_chunks_whose_terms_it_does_not_touch()
    {
        // Enough distinct words for many postings chunks.
        var files = SampleSite.Files();
        for (var n = 0; n < 200; n++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 100).Select(k => Word((n * 100) + k)));
            files[$"content/products/atlas/releases/5.{n}.0.md"] = $"---\ntitle: Atlas 5.{n}\nversion: 5.{n}.0\ndate: 2026-02-{1 + (n % 27):D2}\n---\n{words}\n";
        }

        var site = new IncrementalHarness(files);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        var before = site.Output;
        site.Edit("content/products/atlas/releases/5.75.0.md", Word((75 * 100) + 10), Word((75 * 100) + 10) + " zzzfreshword");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        AssertIndexSameAsFullBuild(site);

        var chunks = site.Output.Keys.Where(k => k.StartsWith(OutputPaths.SearchIndexFolder + "p/", StringComparison.Ordinal)).ToList();
        var made = chunks.Where(k => !before.ContainsKey(k) || !ReferenceEquals(before[k], site.Output[k])).ToList();
        Assert.True(chunks.Count > 5, $"expected many postings chunks, found {chunks.Count}");
        Assert.InRange(made.Count, 1, 3);
        Assert.NotEmpty(site.State.SearchIndex!.Shards);
    }

    /// <summary>A word of letters only (the tokenizer splits at digits), different for every <paramref name="n"/>.</summary>
    private static string Word(int n) => "word" + new string([.. Enumerable.Range(0, 4).Select(i => (char)('a' + (n / (int)Math.Pow(26, i) % 26)))]);

    [Fact]
    public void The_state_survives_the_cache_file()
    {
        using var temporary = TempSite.Empty();
        var folder = Path.Combine(temporary.Root, "cache");
        var site = Built();
        var saved = site.State.SearchIndex!;
        CacheFile.Save(site.State, folder);
        var loaded = CacheFile.Load(folder).SearchIndex;

        Assert.NotNull(loaded);
        Assert.Equal(saved.DocumentKeys, loaded.DocumentKeys);
        Assert.Equal(saved.DocumentChunkFingerprints, loaded.DocumentChunkFingerprints);
        Assert.Equal(saved.Postings.Terms, loaded.Postings.Terms);
        Assert.Equal(saved.Postings.Starts.ToArray(), loaded.Postings.Starts.ToArray());
        AssertSamePostings(saved.Postings, loaded.Postings);
        Assert.NotEmpty(loaded.Shards);
        Assert.Equal(saved.Shards, loaded.Shards);
        Assert.NotEmpty(loaded.Vocabularies);
        Assert.Equal(saved.Vocabularies, loaded.Vocabularies);
    }

    [Fact]
    public void The_state_of_an_edited_index_survives_the_cache_file_and_carries_the_next_build()
    {
        using var temporary = TempSite.Empty();
        var folder = Path.Combine(temporary.Root, "cache");
        var site = Built();
        Apply(site, "new word");
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        var saved = site.State.SearchIndex!;
        Assert.True(saved.Postings.StoreCount > 1, "an edit in place should keep the last build's postings where they are");

        CacheFile.Save(site.State, folder);
        var loaded = CacheFile.Load(folder).SearchIndex!;
        Assert.Equal(1, loaded.Postings.StoreCount);
        Assert.Equal(saved.Postings.Terms, loaded.Postings.Terms);
        Assert.Equal(saved.Postings.Starts.ToArray(), loaded.Postings.Starts.ToArray());
        AssertSamePostings(saved.Postings, loaded.Postings);
    }

    [Fact]
    public void A_damaged_state_file_is_ignored()
    {
        using var temporary = TempSite.Empty();
        var folder = Path.Combine(temporary.Root, "cache");
        var site = Built();
        CacheFile.Save(site.State, folder);
        var file = Path.Combine(folder, "search-index.bin");
        var bytes = File.ReadAllBytes(file);
        Assert.NotNull(CacheFile.Load(folder).SearchIndex);

        File.WriteAllBytes(file, bytes[..^7]);    // postings cut short
        Assert.Null(CacheFile.Load(folder).SearchIndex);
        File.WriteAllBytes(file, [.. bytes, 0]);  // a byte too many
        Assert.Null(CacheFile.Load(folder).SearchIndex);
        File.WriteAllBytes(file, bytes[..40]);    // cut inside the header
        Assert.Null(CacheFile.Load(folder).SearchIndex);
    }

    private static void Apply(IncrementalHarness site, string edit)
    {
        switch (edit)
        {
            case "body":
                site.Edit(Note(7), "More about release 7.", "More about release 7, with maps.");
                break;
            case "new word":
                site.Edit(Note(8), "shared tiles", "shared tiles and zeppelinword");
                break;
            case "word removed":
                site.Edit(Note(9), "brings word9x and", "brings");
                break;
            case "title":
                site.Edit(Note(10), "title: Atlas 3.10", "title: Atlas 3.10 renamed");
                break;
            case "summary":
                site.Edit(Note(11), "labels: [improved]", "labels: [improved]\nsummary: A short summary.");
                break;
            case "date":
                site.Edit(Note(12), "date: 2026-04-22", "date: 2026-12-30");
                break;
            case "new newest note":
                site.Write("content/products/atlas/releases/4.0.0.md", "---\ntitle: Atlas 4.0\nversion: 4.0.0\ndate: 2026-12-31\n---\nNewest release with quasarword.\n");
                break;
            case "new note in the middle":
                site.Write("content/products/atlas/releases/3.99.0.md", "---\ntitle: Atlas 3.99\nversion: 3.99.0\ndate: 2026-05-15\n---\nMiddle release, shared tiles.\n");
                break;
            case "deleted note":
                site.Delete(Note(13));
                break;
            case "product renamed":
                site.Edit("content/products/atlas/index.md", "title: Atlas", "title: Atlas Maps");
                break;
            case "draft":
                site.Edit(Note(14), "labels: [improved]", "labels: [improved]\ndraft: true");
                break;
            case "nothing":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, "unknown edit");
        }
    }
}
