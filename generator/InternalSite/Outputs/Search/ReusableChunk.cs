using System.IO.Compression;
using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Search;

/// <summary>
/// One gzipped index file. Its fingerprint is the hash of the JSON it compresses, so an incremental build takes the
/// last build's file instead of compressing the same JSON again (compressing is most of the cost of writing the index).
/// </summary>
internal sealed record ReusableChunk(string Path, string Fingerprint, byte[] Bytes)
{
    public static ReusableChunk Of(OutputContext context, string path, byte[] json, CompressionLevel level = CompressionLevel.Optimal)
    {
        if (context.Incremental is null)
        {
            return new ReusableChunk(path, string.Empty, IndexChunks.Gzip(json, level));
        }

        var fingerprint = StableHash.Of(json) + "/" + level;
        return new ReusableChunk(path, fingerprint, context.FingerprintedBytes(path, fingerprint, () => IndexChunks.Gzip(json, level)));
    }
}
