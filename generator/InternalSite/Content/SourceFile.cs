namespace InternalSite.Content;

/// <summary>One file of the site as read from disk or memory. <see cref="Path"/> is relative to the site root, with '/'.</summary>
public sealed record SourceFile(string Path, byte[] Bytes)
{
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    public bool IsMarkdown => Extension == ".md";
}
