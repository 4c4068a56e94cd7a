using System.Runtime.InteropServices;
using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Search;

/// <summary>
/// What one build's search index was made of, for the next incremental build to start from: each document's key (a
/// hash of everything its terms and its entry in a document chunk are made from; see
/// <see cref="SearchIndexOutput"/>), each document chunk's fingerprint, and the postings. A pure function of the
/// pages it describes, so it is safe to use whatever output folder the next build writes to.
/// </summary>
/// <param name="DocumentKeys">By document id; null where a page had no key (its markdown was not cached).</param>
/// <param name="DocumentChunkFingerprints">By chunk number: the hash of the chunk's JSON before gzip.</param>
internal sealed record SearchIndexState(string?[] DocumentKeys, string[] DocumentChunkFingerprints, PostingsIndex Postings)
{
    /// <summary>The postings chunks, in order (see <see cref="KeptShards"/>).</summary>
    public IReadOnlyList<TermRunChunk> Shards { get; init; } = [];

    /// <summary>The vocabulary chunks, in order.</summary>
    public IReadOnlyList<TermRunChunk> Vocabularies { get; init; } = [];
}

/// <summary>
/// Keeps <see cref="IncrementalState.SearchIndex"/> in a file of its own in the cache folder, written only when a
/// build changed it. After the usual framing comes a header (keys, fingerprints, terms, chunks; read whole, its strings
/// decoded from memory), then the postings' flat arrays, which make most of the file: they are read from the file
/// straight into their arrays, without first reading the whole file into a buffer of its own.
/// </summary>
internal static class SearchIndexStateFile
{
    private const string FileName = "search-index.bin";
    private const string Magic = "InternalSite search index state v4";

    public static void Load(string folder, IncrementalState state)
    {
        var loaded = TryRead(Path.Combine(folder, FileName));
        state.SearchIndex = loaded;
        state.LoadedSearchIndex = loaded;
    }

    public static void Save(string folder, IncrementalState state)
    {
        var path = Path.Combine(folder, FileName);
        if (state.SearchIndex is not { } index)
        {
            File.Delete(path);
        }
        else if (!ReferenceEquals(index, state.LoadedSearchIndex))
        {
            CacheStream.Write(path, Magic, writer => Write(writer, index));
        }

        state.LoadedSearchIndex = state.SearchIndex;
    }

    private static void Write(BinaryWriter w, SearchIndexState index)
    {
        var postings = index.Postings;
        var header = new MemoryStream();
        using (var h = new BinaryWriter(header, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            CacheFile.WriteList(h, index.DocumentKeys, key => CacheFile.WriteNullable(h, key));
            CacheFile.WriteList(h, index.DocumentChunkFingerprints, h.Write);
            CacheFile.WriteList(h, postings.Terms, h.Write);
            WriteChunks(h, index.Shards);
            WriteChunks(h, index.Vocabularies);
            h.Write(postings.Count);
        }

        w.Write((int)header.Length);
        w.Write(header.GetBuffer(), 0, (int)header.Length);
        w.Write(MemoryMarshal.AsBytes(postings.Starts));
        postings.WriteColumns(w);
    }

    private static void WriteChunks(BinaryWriter w, IReadOnlyList<TermRunChunk> chunks) => CacheFile.WriteList(w, chunks, chunk =>
    {
        w.Write(chunk.FirstTerm);
        w.Write(chunk.LastTerm);
        w.Write(chunk.TermCount);
        w.Write(chunk.Fingerprint);
    });

    private static List<TermRunChunk> ReadChunks(BinaryReader r) =>
        CacheFile.ReadList(r, () => new TermRunChunk(r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadString()));

    /// <summary>The state in <paramref name="path"/>; null when it is missing, of another format or tool version, or damaged.</summary>
    private static SearchIndexState? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            // Unbuffered: the framing is a few small reads, the rest a few large ones into their final arrays.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            using var framing = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
            if (framing.ReadString() != Magic || framing.ReadString() != StableHash.ToolVersion)
            {
                return null;
            }

            var headerLength = framing.ReadInt32();
            if (headerLength < 0 || headerLength > file.Length - file.Position)
            {
                return null;
            }

            var header = new byte[headerLength];
            file.ReadExactly(header);
            return Read(new CacheReader(header), file);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SearchIndexState Read(CacheReader r, Stream arrays)
    {
        var keys = CacheFile.ReadList(r, () => CacheFile.ReadNullable(r)).ToArray();
        var fingerprints = CacheFile.ReadList(r, r.ReadString).ToArray();
        var terms = CacheFile.ReadList(r, r.ReadString).ToArray();
        var shards = ReadChunks(r);
        var vocabularies = ReadChunks(r);
        var count = r.ReadInt32();
        if (count < 0 || arrays.Length - arrays.Position != ((terms.Length + 1L) * sizeof(int)) + (count * (2L * sizeof(int) + 1)))
        {
            throw new FormatException("search index state: the postings do not fill the rest of the file");
        }

        var start = new int[terms.Length + 1];
        var documents = new int[count];
        var weights = new byte[count];
        var sections = new int[count];
        arrays.ReadExactly(MemoryMarshal.AsBytes(start.AsSpan()));
        arrays.ReadExactly(MemoryMarshal.AsBytes(documents.AsSpan()));
        arrays.ReadExactly(weights);
        arrays.ReadExactly(MemoryMarshal.AsBytes(sections.AsSpan()));
        if (start[^1] != count)
        {
            throw new FormatException("search index state: postings do not add up");
        }

        return new SearchIndexState(keys, fingerprints, PostingsIndex.FromArrays(terms, start, documents, weights, sections))
        {
            Shards = shards,
            Vocabularies = vocabularies,
        };
    }
}
