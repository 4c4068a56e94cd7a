using NodaTime;

namespace InternalSite.Model;

/// <summary>The fields every kind of page has, as read from front matter (or set by the generator).</summary>
public sealed record PageBasics
{
    public required string SourcePath { get; init; }

    public required PageKind Kind { get; init; }

    public required string Title { get; init; }

    public required string Route { get; init; }

    public string Slug { get; init; } = string.Empty;

    public string? Summary { get; init; }

    public ZonedDateTime? Date { get; init; }

    public ZonedDateTime? Updated { get; init; }

    public bool Draft { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Audience { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public int? Order { get; init; }

    public string? Image { get; init; }

    /// <summary>Where <c>image:</c> is written, so a broken image path is reported at its value.</summary>
    public Diagnostics.SourceLocation? ImageAt { get; init; }

    public string? Layout { get; init; }

    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
}
