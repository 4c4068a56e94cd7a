namespace InternalSite.Model;

/// <summary>An issue of the newsletter; on the portal and exported as email.</summary>
public sealed class Newsletter(PageBasics basics) : Page(basics)
{
    public required string Subject { get; init; }

    public string? Preheader { get; init; }

    public bool Digest { get; init; }

    /// <summary>With <see cref="Digest"/>: the release notes published since the previous newsletter, newest first.</summary>
    public IReadOnlyList<ReleaseNote> DigestReleases { get; set; } = [];
}
