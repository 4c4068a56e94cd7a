using System.Text;
using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Model;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Saves and loads an <see cref="IncrementalState"/> as one binary file in the cache folder. A file from another
/// tool version, or one that cannot be read, is ignored: the build is then simply a full build.
/// </summary>
public static class CacheFile
{
    private const string FileName = "build-cache.bin";
    private const string Magic = "InternalSite incremental cache v4";

    public static IncrementalState Load(string folder)
    {
        var state = new IncrementalState();
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return state;
        }

        try
        {
            using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != StableHash.ToolVersion)
            {
                return new IncrementalState();
            }

            ReadParsedPages(reader, state);
            ReadMarkdown(reader, state);
            ReadOutputs(reader, state);
            return state;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return new IncrementalState();
        }
    }

    /// <summary>Writes the state atomically (a temporary file renamed over the old one), with a .gitignore beside it.</summary>
    public static void Save(IncrementalState state, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".gitignore"), "# InternalSite build cache: safe to delete.\n*\n");
        var path = Path.Combine(folder, FileName);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        using (var stream = new BufferedStream(File.Create(temporary), 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(StableHash.ToolVersion);
            WriteParsedPages(writer, state);
            WriteMarkdown(writer, state);
            WriteOutputs(writer, state);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteParsedPages(BinaryWriter w, IncrementalState state)
    {
        var entries = new List<(string Path, ParsedPageEntry Entry, byte[]? Encoded)>();
        foreach (var (path, entry) in state.Memory.ParsedPages.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (entry.Parsed is null && entry.Encoded is null)
            {
                entries.Add((path, entry, null));
            }
            else if (entry.Encoded is not null)
            {
                entries.Add((path, entry, entry.Encoded));
            }
            else
            {
                try
                {
                    entries.Add((path, entry, ParsedPageCodec.Encode(entry.Parsed!)));
                }
                catch (NotSupportedException)
                {
                    // A page the cache has no form for is simply parsed again next build.
                }
            }
        }

        w.Write(entries.Count);
        foreach (var (path, entry, encoded) in entries)
        {
            w.Write(path);
            w.Write(entry.Hash);
            w.Write(entry.ConfigKey);
            w.Write(encoded is not null);
            if (encoded is not null)
            {
                w.Write(encoded.Length);
                w.Write(encoded);
            }

            WriteList(w, entry.Diagnostics, d => WriteDiagnostic(w, d));
        }
    }

    private static void ReadParsedPages(BinaryReader r, IncrementalState state)
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var hash = r.ReadString();
            var configKey = r.ReadString();
            var encoded = r.ReadBoolean() ? r.ReadBytes(r.ReadInt32()) : null;
            var diagnostics = ReadList(r, () => ReadDiagnostic(r));
            state.Memory.ParsedPages[path] = new ParsedPageEntry(null, configKey, null, diagnostics) { BytesHash = hash, Encoded = encoded };
        }
    }

    private static void WriteDiagnostic(BinaryWriter w, Diagnostic d)
    {
        w.Write((int)d.Severity);
        WriteLocation(w, d.Location);
        w.Write(d.Code);
        w.Write(d.Message);
    }

    private static Diagnostic ReadDiagnostic(BinaryReader r) => new((Severity)r.ReadInt32(), ReadLocation(r), r.ReadString(), r.ReadString());

    private static void WriteMarkdown(BinaryWriter w, IncrementalState state)
    {
        var entries = state.Markdown.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();

        // Search terms repeat from page to page: each is written once, and pages refer to it by number.
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var (_, entry) in entries)
        {
            foreach (var term in entry.Search?.Terms ?? [])
            {
                if (termIds.TryAdd(term, terms.Count))
                {
                    terms.Add(term);
                }
            }
        }

        WriteList(w, terms, w.Write);
        w.Write(entries.Length);
        foreach (var (path, entry) in entries)
        {
            var r = entry.Rendered;
            w.Write(path);
            w.Write(entry.Key);
            w.Write(r.Html);
            WriteNullable(w, r.FirstParagraph);
            WriteList(w, r.Headings, h => { w.Write(h.Level); w.Write(h.Id); w.Write(h.Text); });
            WriteList(w, r.TextSections, s => { WriteNullable(w, s.HeadingId); WriteNullable(w, s.HeadingText); w.Write(s.Text); });
            WriteList(w, r.Ids.Order(StringComparer.Ordinal).ToArray(), w.Write);
            WriteList(w, r.Links, l => { w.Write(l.Route); WriteNullable(w, l.Anchor); WriteLocation(w, l.At); w.Write(l.Written); });
            WriteList(w, entry.Diagnostics, d => WriteDiagnostic(w, d));
            WriteSearchTerms(w, entry.Search, termIds);
        }
    }

    private static void WriteSearchTerms(BinaryWriter w, CachedSearchTerms? search, Dictionary<string, int> termIds)
    {
        w.Write(search is not null);
        if (search is null)
        {
            return;
        }

        w.Write(search.Key);
        w.Write7BitEncodedInt(search.Terms.Length);
        for (var t = 0; t < search.Terms.Length; t++)
        {
            w.Write7BitEncodedInt(termIds[search.Terms[t]]);
            w.Write(search.Weights[t]);
            w.Write7BitEncodedInt(search.Sections[t]);
        }
    }

    private static CachedSearchTerms? ReadSearchTerms(BinaryReader r, List<string> allTerms)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

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

    private static void ReadMarkdown(BinaryReader r, IncrementalState state)
    {
        var allTerms = ReadList(r, r.ReadString);
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var key = r.ReadString();
            var html = r.ReadString();
            var first = ReadNullable(r);
            var headings = ReadList(r, () => new Heading(r.ReadInt32(), r.ReadString(), r.ReadString()));
            var sections = ReadList(r, () => new TextSection(ReadNullable(r), ReadNullable(r), r.ReadString()));
            var ids = ReadList(r, r.ReadString).ToHashSet(StringComparer.Ordinal);
            var links = ReadList(r, () => new InternalLink(r.ReadString(), ReadNullable(r), ReadLocation(r), r.ReadString()));
            var diagnostics = ReadList(r, () => ReadDiagnostic(r));
            var search = ReadSearchTerms(r, allTerms);
            state.Markdown[path] = new MarkdownCacheEntry(key, new RenderedMarkdown(html, headings, sections, ids, links, first), diagnostics) { Search = search };
        }
    }

    private static void WriteOutputs(BinaryWriter w, IncrementalState state)
    {
        w.Write(state.OutputIdentity);
        w.Write(state.GlobalKey);
        w.Write(state.DependencyKeys.Length);
        for (var i = 0; i < state.DependencyKeys.Length; i++)
        {
            w.Write(state.DependencyKeys[i].Owner);
            w.Write(state.DependencyKeys[i].Member);
            w.Write(state.DependencyFingerprints[i]);
        }

        w.Write(state.Outputs.Count);
        foreach (var (path, record) in state.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            w.Write(path);
            w.Write(record.Length);
            WriteList(w, record.Reads, w.Write);
        }

        w.Write(state.Fingerprinted.Count);
        foreach (var (path, file) in state.Fingerprinted.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            w.Write(path);
            w.Write(file.Fingerprint);
            w.Write(file.Length);
        }
    }

    private static void ReadOutputs(BinaryReader r, IncrementalState state)
    {
        state.OutputIdentity = r.ReadString();
        state.GlobalKey = r.ReadString();
        var keys = new DependencyKey[r.ReadInt32()];
        var fingerprints = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new DependencyKey(r.ReadString(), r.ReadString());
            fingerprints[i] = r.ReadString();
        }

        var count = r.ReadInt32();
        var outputs = new Dictionary<string, OutputRecord>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var length = r.ReadInt64();
            var reads = ReadList(r, r.ReadInt32).ToArray();
            if (reads.Any(read => (uint)read >= (uint)keys.Length))
            {
                throw new FormatException("a cache record refers to a dependency that is not there");
            }

            outputs[path] = new OutputRecord(length, reads);
        }

        var fingerprinted = new Dictionary<string, FingerprintedFile>(StringComparer.Ordinal);
        var fingerprintedCount = r.ReadInt32();
        for (var i = 0; i < fingerprintedCount; i++)
        {
            fingerprinted[r.ReadString()] = new FingerprintedFile(r.ReadString(), r.ReadInt64());
        }

        state.Fingerprinted = fingerprinted;
        state.DependencyKeys = keys;
        state.DependencyFingerprints = fingerprints;
        state.Outputs = outputs;
    }

    private static void WriteNullable(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteLocation(BinaryWriter w, SourceLocation at)
    {
        w.Write(at.File);
        w.Write(at.Line);
        w.Write(at.Column);
    }

    private static SourceLocation ReadLocation(BinaryReader r) => new(r.ReadString(), r.ReadInt32(), r.ReadInt32());

    private static void WriteList<T>(BinaryWriter w, IReadOnlyCollection<T> items, Action<T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    private static List<T> ReadList<T>(BinaryReader r, Func<T> read)
    {
        var count = r.ReadInt32();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }

        return items;
    }
}
