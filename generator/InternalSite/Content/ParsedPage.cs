using InternalSite.Model;

namespace InternalSite.Content;

/// <summary>A page whose front matter has been read; its markdown body waits to be rendered once every route is known.</summary>
public sealed record ParsedPage(Page Page, string Body, int BodyStartLine, ContentLocation Location);
