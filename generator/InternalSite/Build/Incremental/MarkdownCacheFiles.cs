using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Model;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The rendered markdown of every page is most of the cache (the HTML of the whole site), and an incremental build
/// changes little of it. It is saved in <see cref="BucketCount"/> files, each page in the one its path hashes to, and
/// a build rewrites only the files whose entries changed since they were loaded; loading reads them side by side.
/// Each file is written atomically and stands alone: entries are pure functions of their keys, so files from
/// different builds can be mixed safely, and one that cannot be read only loses its own entries.
/// </summary>
internal static class MarkdownCacheFiles
{
    public const int BucketCount = 64;
    private const string Magic = "InternalSite markdown cache v4";

    /// <summary>Reads every bucket into <paramref name="state"/>, remembering what each held to save only changed ones.</summary>
    public static void Load(string folder, IncrementalState state)
    {
        var loaded = new LoadedBucket?[BucketCount];
        Parallel.For(0, BucketCount, bucket =>
        {
            var path = BucketPath(folder, bucket);
            if (!File.Exists(path))
            {
                loaded[bucket] = new LoadedBucket([]);
                return;
            }

            // A bucket that cannot be read stays unloaded: its pages are rendered again, and the file rewritten.
            CacheStream.TryReadWithBlocks(path, Magic, (reader, blocks) =>
            {
                var entries = ReadEntries(reader, blocks);
                foreach (var (key, entry) in entries)
                {
                    state.Markdown[key] = entry;
                }

                loaded[bucket] = LoadedBucket.Of(entries);
            });
        });
        state.LoadedMarkdownBuckets = loaded;
    }

    /// <summary>Writes the buckets whose entries differ from what was loaded (all of them when nothing was).</summary>
    public static void Save(string folder, IncrementalState state)
    {
        var byBucket = new List<KeyValuePair<string, MarkdownCacheEntry>>[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            byBucket[i] = [];
        }

        foreach (var entry in state.Markdown)
        {
            byBucket[BucketOf(entry.Key)].Add(entry);
        }

        var loaded = state.LoadedMarkdownBuckets;
        var saved = new LoadedBucket?[BucketCount];
        Parallel.For(0, BucketCount, bucket =>
        {
            var entries = byBucket[bucket].OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
            var now = LoadedBucket.Of(entries);
            if (loaded?[bucket] is { } before && before.SameAs(now))
            {
                saved[bucket] = before;
                return;
            }

            CacheStream.WriteWithBlocks(BucketPath(folder, bucket), Magic, (writer, blocks) => WriteEntries(writer, blocks, entries));
            saved[bucket] = now;
        });
        state.LoadedMarkdownBuckets = saved;
    }

    private static string BucketPath(string folder, int bucket) =>
        Path.Combine(folder, $"markdown-{bucket.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)}.bin");

    /// <summary>The bucket of <paramref name="path"/>, the same in every process (string.GetHashCode is not).</summary>
    internal static int BucketOf(string path) => (int)(StableHash.Fnv1a(path) % BucketCount);

    /// <summary>What one bucket file holds: each entry by identity, and which assignment of its search terms.</summary>
    internal sealed record LoadedBucket((string Path, MarkdownCacheEntry Entry, int SearchVersion)[] Entries)
    {
        public static LoadedBucket Of(IEnumerable<KeyValuePair<string, MarkdownCacheEntry>> entries) =>
            new(entries.Select(e => (e.Key, e.Value, e.Value.SearchVersion)).ToArray());

        public bool SameAs(LoadedBucket other)
        {
            if (Entries.Length != other.Entries.Length)
            {
                return false;
            }

            for (var i = 0; i < Entries.Length; i++)
            {
                var (path, entry, search) = Entries[i];
                var (otherPath, otherEntry, otherSearch) = other.Entries[i];
                if (path != otherPath || !ReferenceEquals(entry, otherEntry) || search != otherSearch)
                {
                    return false;
                }
            }

            return true;
        }
    }

    // What every build reads is in the file's header: each entry's key, the links the link check needs, the first
    // paragraph a summary may come from, and diagnostics. The bulk (HTML, headings and text sections; heading ids;
    // the search terms and the bucket's table of them) is in blocks read from the file only for pages that need them.
    private static void WriteEntries(BinaryWriter w, CacheBlockWriter blocks, KeyValuePair<string, MarkdownCacheEntry>[] entries)
    {
        // Search terms repeat from page to page: each is written once, and pages refer to it by number.
        var terms = new StringTable();
        foreach (var (_, entry) in entries)
        {
            foreach (var term in entry.Search?.Terms ?? [])
            {
                terms.Id(term);
            }
        }

        blocks.Write(terms.WriteTo).WriteTo(w);
        w.Write(entries.Length);
        foreach (var (path, entry) in entries)
        {
            var r = entry.Rendered;
            w.Write(path);
            w.Write(entry.Key);
            CacheFile.WriteNullable(w, r.FirstParagraph);
            blocks.Write(b => CacheFile.WriteList(b, r.Ids.Order(StringComparer.Ordinal).ToArray(), b.Write)).WriteTo(w);
            CacheFile.WriteList(w, r.Links, l => WriteLink(w, l, path));
            CacheFile.WriteList(w, entry.Diagnostics, d => CacheFile.WriteDiagnostic(w, d));
            blocks.Write(b => WriteText(b, r.Text)).WriteTo(w);
            w.Write(entry.Search is not null);
            if (entry.Search is { } search)
            {
                blocks.Write(b => WriteSearchTerms(b, search, terms)).WriteTo(w);
            }
        }
    }

    /// <summary>A link is found in its own page's file: the location's file is written only if it is another.</summary>
    private static void WriteLink(BinaryWriter w, InternalLink link, string path)
    {
        w.Write(link.Route);
        CacheFile.WriteNullable(w, link.Anchor);
        CacheFile.WriteNullable(w, link.At.File == path ? null : link.At.File);
        w.Write(link.At.Line);
        w.Write(link.At.Column);
        w.Write(link.Written);
    }

    private static InternalLink ReadLink(CacheReader r, string path) =>
        new(r.ReadString(), CacheFile.ReadNullable(r), new SourceLocation(CacheFile.ReadNullable(r) ?? path, r.ReadInt32(), r.ReadInt32()), r.ReadString());

    private static void WriteText(BinaryWriter w, RenderedText text)
    {
        w.Write(text.Html);
        CacheFile.WriteList(w, text.Headings, h => { w.Write(h.Level); w.Write(h.Id); w.Write(h.Text); });
        CacheFile.WriteList(w, text.TextSections, s => { CacheFile.WriteNullable(w, s.HeadingId); CacheFile.WriteNullable(w, s.HeadingText); w.Write(s.Text); });
    }

    private static RenderedText ReadText(CacheReader r) => new(
        r.ReadString(),
        CacheFile.ReadList(r, () => new Heading(r.ReadInt32(), r.ReadString(), r.ReadString())),
        CacheFile.ReadList(r, () => new TextSection(CacheFile.ReadNullable(r), CacheFile.ReadNullable(r), r.ReadString())));

    private static void WriteSearchTerms(BinaryWriter w, CachedSearchTerms search, StringTable terms)
    {
        w.Write(search.Key);
        w.Write7BitEncodedInt(search.Terms.Length);
        for (var t = 0; t < search.Terms.Length; t++)
        {
            w.Write7BitEncodedInt(terms.Id(search.Terms[t]));
            w.Write(search.Weights[t]);
            w.Write7BitEncodedInt(search.Sections[t]);
        }
    }

    private static CachedSearchTerms ReadSearchTerms(CacheReader r, string[] allTerms)
    {
        var key = r.ReadString();
        var count = r.Read7BitEncodedInt();
        var terms = new string[count];
        var weights = new byte[count];
        var sections = new int[count];
        for (var t = 0; t < count; t++)
        {
            terms[t] = allTerms[r.Read7BitEncodedInt()];
            weights[t] = r.ReadByte();
            sections[t] = r.Read7BitEncodedInt();
        }

        return new CachedSearchTerms(key, terms, weights, sections);
    }

    private static List<KeyValuePair<string, MarkdownCacheEntry>> ReadEntries(CacheReader r, CacheBlockReader blocks)
    {
        var read = new List<KeyValuePair<string, MarkdownCacheEntry>>();
        var termsBlock = CacheBlock.ReadFrom(r);
        var allTerms = new Lazy<string[]>(() => Decoded(blocks, termsBlock, StringTable.Read));
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var key = r.ReadString();
            var first = CacheFile.ReadNullable(r);
            var ids = CacheBlock.ReadFrom(r);
            var links = CacheFile.ReadList(r, () => ReadLink(r, path));
            var diagnostics = CacheFile.ReadList(r, () => CacheFile.ReadDiagnostic(r));
            var text = CacheBlock.ReadFrom(r);
            var rendered = new RenderedMarkdown(
                () => Decoded(blocks, text, ReadText),
                () => Decoded(blocks, ids, b => (IReadOnlySet<string>)CacheFile.ReadList(b, b.ReadString).ToHashSet(StringComparer.Ordinal)),
                links, first);
            var entry = r.ReadBoolean() && CacheBlock.ReadFrom(r) is var search
                ? new MarkdownCacheEntry(key, rendered, diagnostics) { SearchDecoder = () => Decoded(blocks, search, b => ReadSearchTerms(b, allTerms.Value)) }
                : new MarkdownCacheEntry(key, rendered, diagnostics);
            read.Add(new(path, entry));
        }

        return read;
    }

    private static T Decoded<T>(CacheBlockReader blocks, CacheBlock block, Func<CacheReader, T> decode)
    {
        using var reader = blocks.Open(block);
        return decode(reader);
    }
}
