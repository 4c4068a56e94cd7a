namespace InternalSite.Model;

/// <summary>A release note of one product version.</summary>
public sealed class ReleaseNote(PageBasics basics) : Page(basics)
{
    public static readonly string[] KnownLabels = ["new", "improved", "fixed", "breaking", "deprecated", "security"];

    public required string ProductSlug { get; init; }

    public SemanticVersion? Version { get; init; }

    public string? VersionText => Version?.ToString();

    public IReadOnlyList<string> Labels { get; init; } = [];

    public ProductPage? Product { get; set; }

    /// <summary>The next older release of the same product.</summary>
    public ReleaseNote? Previous { get; set; }

    /// <summary>The next newer release of the same product.</summary>
    public ReleaseNote? Next { get; set; }
}
