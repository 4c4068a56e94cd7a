using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Search;

/// <summary>
/// One gzipped index file. Its fingerprint is the hash of the bytes it compresses, so an incremental build takes the
/// last build's file instead of compressing the same bytes again (compressing is most of the cost of writing the index).
/// </summary>
internal sealed record ReusableChunk(string Path, string Fingerprint, byte[] Bytes)
{
    public static ReusableChunk Of(OutputContext context, string path, byte[] uncompressed)
    {
        if (context.Incremental is null)
        {
            return new ReusableChunk(path, string.Empty, IndexChunks.Gzip(uncompressed));
        }

        var fingerprint = StableHash.Of(uncompressed);
        return new ReusableChunk(path, fingerprint, context.FingerprintedBytes(path, fingerprint, () => IndexChunks.Gzip(uncompressed)));
    }
}
