using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Search;

/// <summary>
/// One gzipped index file, named by its fingerprint (the hash of its bytes before gzip): an incremental build keeps
/// the last build's file made from the same fingerprint instead of compressing the same bytes again, and the
/// manifest's hash is made from the fingerprints, so kept files are never read back.
/// </summary>
internal sealed record IndexChunk(string Path, string Fingerprint, Func<byte[]> Gzipped)
{
    public static IndexChunk Of(string path, byte[] uncompressed) =>
        new(path, StableHash.Of(uncompressed), () => IndexChunks.Gzip(uncompressed));

    /// <summary>A chunk known to have the last build's bytes: made again (by <paramref name="uncompressed"/>) only if the file is gone.</summary>
    public static IndexChunk Kept(string path, string fingerprint, Func<byte[]> uncompressed) =>
        new(path, fingerprint, () => IndexChunks.Gzip(uncompressed()));
}
