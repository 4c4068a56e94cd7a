using System.Text;
using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Model;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Saves and loads an <see cref="IncrementalState"/> in the cache folder: one binary file for the parsed pages and
/// the outputs, and the rendered markdown in files of their own (see <see cref="MarkdownCacheFiles"/>). A file from
/// another tool version, or one that cannot be read, is ignored: the build is then simply a full build.
/// </summary>
public static class CacheFile
{
    private const string FileName = "build-cache.bin";
    private const string Magic = "InternalSite incremental cache v10";

    /// <summary>
    /// Reads the main file, the markdown files and the search index state side by side: they are independent, and
    /// reading them one after the other made loading the cache the longest task before the build proper.
    /// </summary>
    public static IncrementalState Load(string folder)
    {
        var state = new IncrementalState();
        var markdown = Task.Run(() => MarkdownCacheFiles.Load(folder, state));
        var searchIndex = Task.Run(() => Outputs.Search.SearchIndexStateFile.Load(folder, state));
        var loaded = CacheStream.TryRead(Path.Combine(folder, FileName), Magic, reader =>
        {
            ReadParsedPages(reader, state);
            ReadOutputs(reader, state);
        });
        markdown.GetAwaiter().GetResult();
        searchIndex.GetAwaiter().GetResult();

        // Without the main file (another tool version, or damaged), the other files are not trusted either.
        return loaded ? state : new IncrementalState();
    }

    /// <summary>The file whose presence makes a cache folder usable: a build without it is a full build.</summary>
    public static string MainFile(string folder) => Path.Combine(folder, FileName);

    /// <summary>
    /// Makes the cache in <paramref name="folder"/> unusable, for when the output it describes is about to change
    /// without it (a build that will save its own later, or a build that does not use the cache at all).
    /// </summary>
    public static void Discard(string folder)
    {
        try
        {
            File.Delete(MainFile(folder));
        }
        catch (DirectoryNotFoundException)
        {
            // No cache folder: nothing to discard.
        }
    }

    /// <summary>Writes the state, each file atomically (a temporary file renamed over the old one), the main file last.</summary>
    public static void Save(IncrementalState state, string folder)
    {
        using var save = BeginSave(state, folder);
        save.Complete();
    }

    /// <summary>
    /// Writes all of the state but the output listing, which the output commit makes: the main file into a temporary
    /// file (put in place by <see cref="CacheSave.Complete"/>, so the cache never describes an output that was not
    /// committed), and the markdown files, which are pure functions of their keys and valid whatever the output.
    /// </summary>
    public static CacheSave BeginSave(IncrementalState state, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".gitignore"), "# InternalSite build cache: safe to delete.\n*\n");
        var main = PendingCacheFile.Begin(Path.Combine(folder, FileName), Magic, writer =>
        {
            WriteParsedPages(writer, state);
            WriteOutputs(writer, state);
        });
        try
        {
            MarkdownCacheFiles.Save(folder, state);
        }
        catch
        {
            main.Dispose();
            throw;
        }

        return new CacheSave(state, folder, main);
    }

    /// <summary>A save begun by <see cref="BeginSave"/>; disposed without <see cref="Complete"/>, the last saved state stays.</summary>
    public sealed class CacheSave : IDisposable
    {
        private readonly IncrementalState state;
        private readonly string folder;
        private readonly PendingCacheFile main;

        internal CacheSave(IncrementalState state, string folder, PendingCacheFile main)
        {
            this.state = state;
            this.folder = folder;
            this.main = main;
        }

        /// <summary>
        /// Saves the search index state, then adds the state's output listing as it is now and puts the main file in
        /// place: the main file last, so a save cut short never leaves it beside another build's search index state.
        /// </summary>
        public void Complete()
        {
            Outputs.Search.SearchIndexStateFile.Save(folder, state);
            main.Complete(writer => WriteListing(writer, state.OutputListing));
        }

        public void Dispose() => main.Dispose();
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
        string? lastConfigKey = null;
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var hash = r.ReadString();

            // Every page of a build has the same config key: one string for all, not one per page.
            var configKey = r.ReadString();
            configKey = configKey == lastConfigKey ? lastConfigKey : lastConfigKey = configKey;
            var encoded = r.ReadBoolean() ? r.ReadBytes(r.ReadInt32()) : null;

            // Most pages parse without diagnostics: they share one empty list instead of each having its own.
            IReadOnlyList<Diagnostic> diagnostics = ReadList(r, () => ReadDiagnostic(r)) is { Count: > 0 } some ? some : [];
            state.Memory.ParsedPages[path] = new ParsedPageEntry(null, configKey, null, diagnostics) { BytesHash = hash, Encoded = encoded };
        }
    }

    internal static void WriteDiagnostic(BinaryWriter w, Diagnostic d)
    {
        w.Write((int)d.Severity);
        WriteLocation(w, d.Location);
        w.Write(d.Code);
        w.Write(d.Message);
    }

    internal static Diagnostic ReadDiagnostic(BinaryReader r) => new((Severity)r.ReadInt32(), ReadLocation(r), r.ReadString(), r.ReadString());

    /// <summary>
    /// The outputs section. Its dependency table has hundreds of thousands of keys but only as many distinct owners as
    /// pages and a few dozen members, so keys are written as indexes into a table of each: loading then makes one
    /// string per owner, not one per key, and a file's reads are variable-length integers.
    /// </summary>
    private static void WriteOutputs(BinaryWriter w, IncrementalState state)
    {
        w.Write(state.OutputIdentity);
        w.Write(state.GlobalKey);
        var keys = state.DependencyKeys;
        var owners = new StringTable();
        var members = new StringTable();
        var ownerIds = new int[keys.Length];
        var memberIds = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ownerIds[i] = owners.Id(keys[i].Owner);
            memberIds[i] = members.Id(keys[i].Member);
        }

        owners.WriteTo(w);
        members.WriteTo(w);
        w.Write(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            w.Write7BitEncodedInt(ownerIds[i]);
            w.Write7BitEncodedInt(memberIds[i]);
        }

        state.DependencyFingerprints.WriteTo(w);

        w.Write(state.Outputs.Count);
        foreach (var (path, record) in state.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            w.Write(path);
            w.Write(record.Length);
            w.Write7BitEncodedInt(record.Reads.Length);
            foreach (var read in record.Reads)
            {
                w.Write7BitEncodedInt(read);
            }
        }

        w.Write(state.Fingerprinted.Count);
        foreach (var (path, file) in state.Fingerprinted.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            w.Write(path);
            w.Write(file.Fingerprint);
            w.Write(file.Length);
        }
    }

    /// <summary>The last section of the main file, written once the output commit has made it.</summary>
    private static void WriteListing(BinaryWriter w, OutputFolderSweep.OutputListing? listing)
    {
        w.Write(listing is not null);
        if (listing is not null)
        {
            w.Write(listing.Folder);
            w.Write(listing.SweptAtUtc.Ticks);
            w.Write(listing.CommittedAtUtc.Ticks);
            w.Write(listing.Count);
            w.Write(listing.EncodedFiles.Length);
            w.Write(listing.EncodedFiles);
        }
    }

    private static void ReadOutputs(BinaryReader r, IncrementalState state)
    {
        state.OutputIdentity = r.ReadString();
        state.GlobalKey = r.ReadString();
        var owners = StringTable.Read(r);
        var members = StringTable.Read(r);
        var keys = new DependencyKey[StringTable.Count(r.ReadInt32())];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new DependencyKey(Entry(owners, r.Read7BitEncodedInt()), Entry(members, r.Read7BitEncodedInt()));
        }

        var fingerprints = FingerprintTable.Read(r);
        if (fingerprints.Count != keys.Length)
        {
            throw new FormatException("the cache's dependencies and their fingerprints do not match up");
        }

        var count = r.ReadInt32();
        var outputs = new Dictionary<string, OutputRecord>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var length = r.ReadInt64();
            var reads = new int[StringTable.Count(r.Read7BitEncodedInt())];
            for (var j = 0; j < reads.Length; j++)
            {
                reads[j] = r.Read7BitEncodedInt();
                if ((uint)reads[j] >= (uint)keys.Length)
                {
                    throw new FormatException("a cache record refers to a dependency that is not there");
                }
            }

            outputs[path] = new OutputRecord(length, reads);
        }

        var fingerprinted = new Dictionary<string, FingerprintedFile>(StringComparer.Ordinal);
        var fingerprintedCount = r.ReadInt32();
        for (var i = 0; i < fingerprintedCount; i++)
        {
            fingerprinted[r.ReadString()] = new FingerprintedFile(r.ReadString(), r.ReadInt64());
        }

        if (r.ReadBoolean())
        {
            var folder = r.ReadString();
            var sweptAt = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
            var committedAt = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
            var fileCount = StringTable.Count(r.ReadInt32());
            var length = StringTable.Count(r.ReadInt32());
            var files = r.ReadBytes(length);
            if (files.Length != length)
            {
                throw new EndOfStreamException("the output listing is cut short");
            }

            state.OutputListing = new OutputFolderSweep.OutputListing(folder, sweptAt, fileCount, files) { CommittedAtUtc = committedAt };
        }

        state.Fingerprinted = fingerprinted;
        state.DependencyKeys = keys;
        state.DependencyFingerprints = fingerprints;
        state.Outputs = outputs;
    }

    private static string Entry(string[] table, int index) =>
        (uint)index < (uint)table.Length ? table[index] : throw new FormatException("a cache key refers to a name that is not there");

    internal static void WriteNullable(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    internal static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    internal static void WriteLocation(BinaryWriter w, SourceLocation at)
    {
        w.Write(at.File);
        w.Write(at.Line);
        w.Write(at.Column);
    }

    internal static SourceLocation ReadLocation(BinaryReader r) => new(r.ReadString(), r.ReadInt32(), r.ReadInt32());

    internal static void WriteList<T>(BinaryWriter w, IReadOnlyCollection<T> items, Action<T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    internal static List<T> ReadList<T>(BinaryReader r, Func<T> read)
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
