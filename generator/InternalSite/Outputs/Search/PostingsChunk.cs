namespace InternalSite.Outputs.Search;

/// <summary>
/// The bytes of one <c>p/N.bin</c> chunk before gzip: a marker byte 'P', then for each of its terms, in vocabulary
/// order, the number of postings n and three columns of n values: document deltas (varints), weights (one byte
/// each) and sections (varints). Columns keep like values together, which gzip packs far better than JSON digits.
/// </summary>
public static class PostingsChunk
{
    /// <summary>Not 0x1f, so search.js can tell an inflated chunk from a gzipped one by its first byte.</summary>
    public const byte Marker = (byte)'P';

    public static byte[] Encode(PostingsIndex postings, Range terms)
    {
        var (first, count) = terms.GetOffsetAndLength(postings.Terms.Count);
        var size = 1;
        for (var t = first; t < first + count; t++)
        {
            size += 5 + (postings.Frequency(t) * 11);
        }

        var bytes = new byte[size];
        var at = 0;
        bytes[at++] = Marker;
        for (var t = first; t < first + count; t++)
        {
            var documents = postings.DocumentsOf(t);
            at = Varint(bytes, at, documents.Length);
            var previous = 0;
            foreach (var document in documents)
            {
                at = Varint(bytes, at, document - previous); // ids ascend: deltas are small numbers
                previous = document;
            }

            postings.WeightsOf(t).CopyTo(bytes.AsSpan(at));
            at += documents.Length;
            foreach (var section in postings.SectionsOf(t))
            {
                at = Varint(bytes, at, section);
            }
        }

        return bytes[..at];
    }

    /// <summary>Seven bits a byte, low bits first; the high bit says another byte follows.</summary>
    private static int Varint(byte[] bytes, int at, int value)
    {
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            bytes[at++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        bytes[at++] = (byte)rest;
        return at;
    }
}
