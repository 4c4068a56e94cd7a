using InternalSite.Diagnostics;

namespace InternalSite.Markdown;

/// <summary>A link from a page to a place inside the site, kept so it can be checked once every output exists.</summary>
public sealed record InternalLink(string Route, string? Anchor, SourceLocation At, string Written);
