namespace InternalSite.Build.Incremental;

/// <summary>
/// The distinct strings of a cache section, each written once and referred to by its index. Equal strings that are
/// one object (as a page's owner key is across its reads) are matched by reference before they are hashed.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];
    private string? last;
    private int lastId;

    public int Id(string text)
    {
        if (ReferenceEquals(text, last))
        {
            return lastId;
        }

        if (!ids.TryGetValue(text, out var id))
        {
            id = strings.Count;
            ids[text] = id;
            strings.Add(text);
        }

        last = text;
        lastId = id;
        return id;
    }

    public void WriteTo(BinaryWriter w)
    {
        w.Write(strings.Count);
        foreach (var text in strings)
        {
            w.Write(text);
        }
    }

    public static string[] Read(BinaryReader r)
    {
        var table = new string[Count(r.ReadInt32())];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = r.ReadString();
        }

        return table;
    }

    /// <summary>A count read from a cache file, which a damaged file may make negative.</summary>
    public static int Count(int count) => count >= 0 ? count : throw new FormatException("a cache count is negative");
}
