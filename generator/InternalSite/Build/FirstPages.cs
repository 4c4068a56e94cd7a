using System.Collections.Concurrent;
using System.Text;
using InternalSite.Model;
using InternalSite.Outputs;
using InternalSite.Templating;

namespace InternalSite.Build;

/// <summary>
/// Pages a live preview wants before the rest of the build: the pages of the files just saved and the pages open in
/// browser tabs. They are rendered as soon as the site model is ready and handed to <see cref="Ready"/>, so the person
/// editing sees their change while the changelogs, feeds and search index that also hold it are still being built.
/// The build then goes on as usual and renders them again with everything else, to the same bytes.
/// </summary>
/// <param name="SourcePaths">Site-relative source files that changed ("content/products/atlas/releases/2.4.0.md").</param>
/// <param name="OutputFiles">Output files being looked at ("products/atlas/index.html").</param>
/// <param name="Ready">Receives each rendered page by output path; not called when there is nothing to show.</param>
public sealed record FirstPages(IReadOnlyCollection<string> SourcePaths, IReadOnlyCollection<string> OutputFiles, Action<IReadOnlyDictionary<string, byte[]>> Ready)
{
    /// <summary>
    /// Receives, as soon as the site model is ready (before the first pages are drawn), what draws later body edits
    /// against this build's model: a save made while the rest of this build runs can be shown without waiting for it.
    /// </summary>
    public Action<BodyEditPreview>? ModelReady { get; init; }

    /// <summary>More tabs than this are served by the build's normal order: rendering them first would delay them all.</summary>
    public const int Limit = 8;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    internal void RenderFrom(SiteModel site, TemplateRenderer templates)
    {
        if (SourcePaths.Count == 0 && OutputFiles.Count == 0)
        {
            return;
        }

        var sources = SourcePaths.ToHashSet(StringComparer.Ordinal);
        var routes = OutputFiles.Select(OutputContext.RouteOf).ToHashSet(StringComparer.Ordinal);
        var wanted = site.AllPages
            .Where(p => sources.Contains(p.SourcePath) || routes.Contains(p.Route))
            .Take(Limit)
            .ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        // A template error is collected by the renderer and reported once at the end of the build, like any other.
        var rendered = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Parallel.ForEach(wanted, page =>
        {
            if (templates.RenderPage(page) is { } html)
            {
                rendered[OutputContext.FileFor(page.Route)] = Utf8.GetBytes(html);
            }
        });

        if (!rendered.IsEmpty)
        {
            Ready(rendered);
        }
    }
}
