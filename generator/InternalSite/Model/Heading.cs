namespace InternalSite.Model;

/// <summary>A heading of a rendered page: its level, anchor id and plain text.</summary>
public sealed record Heading(int Level, string Id, string Text);

/// <summary>
/// The plain text of a page cut at its headings, extracted once while rendering, for search and summaries.
/// The first section has no heading (the text before the first one).
/// </summary>
public sealed record TextSection(string? HeadingId, string? HeadingText, string Text);
