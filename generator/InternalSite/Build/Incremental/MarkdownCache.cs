using InternalSite.Content;
using InternalSite.Diagnostics;
using InternalSite.Markdown;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Reuses a page's rendered markdown when its body, route and source path are unchanged and so is everything a body
/// renders against: the tool, the config and the link targets (every route, unpublished page and content file).
/// The diagnostics the first render produced are replayed, so a cached build reports exactly what a full one does.
/// </summary>
internal sealed class MarkdownCache(IncrementalState state, string targetsKey)
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    /// <summary>The part of every key shared by all pages of one build.</summary>
    public static string TargetsKey(
        string configFingerprint, IReadOnlyDictionary<string, string> routes, IEnumerable<string> unpublished, IReadOnlyDictionary<string, string> files) =>
        StableHash.Of(
        [
            StableHash.ToolVersion, configFingerprint,
            .. routes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + "\u0001" + r.Value),
            "\u0002", .. unpublished.Order(StringComparer.Ordinal),
            "\u0002", .. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\u0001" + f.Value),
        ]);

    public RenderedMarkdown Render(MarkdownPageRenderer renderer, ParsedPage parsed, DiagnosticBag diagnostics)
    {
        var (sourcePath, route, bodyStartLine) = (parsed.Page.SourcePath, parsed.Page.Route, parsed.BodyStartLine);
        var line = bodyStartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The hash of the page's file stands for its body (a function of those bytes), so an unchanged page's body is
        // neither hashed nor even cut from its file. In serve, a body without that hash is the same string as last
        // build while unchanged (from the parse cache): it is hashed once.
        var key = parsed.SourceHash is { } source
            ? StableHash.Of(targetsKey, sourcePath, route, line, "file", source)
            : state.Memory.DerivedFrom(parsed.Body, string.Join('\u0001', "markdown-key", targetsKey, sourcePath, route, line),
                () => StableHash.Of(targetsKey, sourcePath, route, line, "body", parsed.Body));
        lock (used)
        {
            used.Add(sourcePath);
        }

        if (state.Markdown.TryGetValue(sourcePath, out var entry) && entry.Key == key)
        {
            foreach (var diagnostic in entry.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return entry.Rendered;
        }

        var own = new DiagnosticBag();
        var rendered = renderer.Render(parsed.Body, sourcePath, route, bodyStartLine, own);
        var produced = own.Sorted();
        foreach (var diagnostic in produced)
        {
            diagnostics.Add(diagnostic);
        }

        state.Markdown[sourcePath] = new MarkdownCacheEntry(key, rendered, produced);
        return rendered;
    }

    /// <summary>Drops entries of files this build did not render (deleted, renamed, now drafts), so the cache does not grow forever.</summary>
    public void Prune()
    {
        foreach (var path in state.Markdown.Keys)
        {
            if (!used.Contains(path))
            {
                state.Markdown.TryRemove(path, out _);
            }
        }
    }
}
