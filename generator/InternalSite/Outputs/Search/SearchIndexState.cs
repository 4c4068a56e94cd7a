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
/// build changed it. The postings are written as their flat arrays, so reading them back is a few large copies.
/// </summary>
internal static class SearchIndexStateFile
{
    private const string FileName = "search-index.bin";
    private const string Magic = "InternalSite search index state v3";

    public static void Load(string folder, IncrementalState state)
    {
        SearchIndexState? loaded = null;
        CacheStream.TryRead(Path.Combine(folder, FileName), Magic, reader => loaded = Read(reader));
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
        CacheFile.WriteList(w, index.DocumentKeys, key => CacheFile.WriteNullable(w, key));
        CacheFile.WriteList(w, index.DocumentChunkFingerprints, w.Write);
        var postings = index.Postings;
        CacheFile.WriteList(w, postings.Terms, w.Write);
        w.Write(postings.Documents.Length);
        w.Write(MemoryMarshal.AsBytes(postings.Starts));
        w.Write(MemoryMarshal.AsBytes(postings.Documents.AsSpan()));
        w.Write(postings.Weights);
        w.Write(MemoryMarshal.AsBytes(postings.Sections.AsSpan()));
        WriteChunks(w, index.Shards);
        WriteChunks(w, index.Vocabularies);
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

    private static SearchIndexState Read(BinaryReader r)
    {
        var keys = CacheFile.ReadList(r, () => CacheFile.ReadNullable(r)).ToArray();
        var fingerprints = CacheFile.ReadList(r, r.ReadString).ToArray();
        var terms = CacheFile.ReadList(r, r.ReadString).ToArray();
        var count = r.ReadInt32();
        var start = new int[terms.Length + 1];
        var documents = new int[count];
        var weights = new byte[count];
        var sections = new int[count];
        // BinaryReader reads nothing ahead, so the arrays follow in its stream where the last string ended.
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(start.AsSpan()));
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(documents.AsSpan()));
        r.BaseStream.ReadExactly(weights);
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(sections.AsSpan()));
        if (start[^1] != count)
        {
            throw new FormatException("search index state: postings do not add up");
        }

        var shards = ReadChunks(r);
        var vocabularies = ReadChunks(r);
        return new SearchIndexState(keys, fingerprints, PostingsIndex.FromArrays(terms, start, documents, weights, sections))
        {
            Shards = shards,
            Vocabularies = vocabularies,
        };
    }
}
