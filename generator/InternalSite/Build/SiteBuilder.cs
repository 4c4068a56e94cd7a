using System.Collections.Concurrent;
using System.Diagnostics;
using InternalSite.Build.Incremental;
using InternalSite.Config;
using InternalSite.Content;
using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Markdown.Images;
using InternalSite.Model;
using InternalSite.Outputs;
using InternalSite.Outputs.Email;
using InternalSite.Outputs.Images;
using InternalSite.Templating;
using NodaTime;

namespace InternalSite.Build;

/// <summary>
/// Runs a build: load → parse → site model → outputs → link check. Content problems become diagnostics; nothing a
/// writer can put in a file makes it throw. Whether the emitted files are kept is the sink's caller's decision.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(SiteSource source, BuildOptions options, IOutputSink sink, IProgress<BuildStage>? progress = null) =>
        Build(source, options, sink, progress, commitIncremental: true).Result;

    /// <summary>
    /// As <see cref="Build(SiteSource, BuildOptions, IOutputSink, IProgress{BuildStage})"/>; without
    /// <paramref name="commitIncremental"/>, what this build read and wrote is not yet taken into the incremental state:
    /// that is returned for the caller to run (after a successful build), off the path to a written output.
    /// </summary>
    private static (BuildResult Result, Action? CommitIncremental) Build(SiteSource source, BuildOptions options, IOutputSink sink, IProgress<BuildStage>? progress, bool commitIncremental)
    {
        var clock = Stopwatch.StartNew();
        var stages = new StageTimer();
        // On a spare core while the config and theme load. Not when the last build's outputs are on record: that build
        // keeps the emails of unchanged newsletters, and warming up would cost processor time for nothing (measured:
        // about 0.15 s a build).
        if (options.Incremental is not { Outputs.Count: > 0 }
            && source.All.Any(f => f.IsMarkdown && f.Path.StartsWith(SiteSource.ContentFolder, StringComparison.Ordinal)
                && ContentLocation.Of(f.Path).Kind == PageKind.Newsletter))
        {
            _ = NewsletterEmailRenderer.WarmUp();
        }

        options = options with { Images = options.Images.ResolveCache(source.RootDirectory) };
        var diagnostics = new DiagnosticBag();
        progress?.Report(BuildStage.Reading);
        var config = ApplyOverrides(SiteConfigLoader.Load(source.Config, diagnostics) ?? SiteConfig.Fallback, options, diagnostics);
        var now = options.Now ?? SystemClock.Instance.GetCurrentInstant();
        var theme = Theme.Load(source, config.Theme, diagnostics);

        var contentFiles = source.ContentFiles.ToArray();
        var markdownFiles = contentFiles.Where(f => f.IsMarkdown).ToArray();
        var staticFiles = contentFiles.Where(f => !f.IsMarkdown)
            .Select(f => new StaticFile(f.Path, f.Path[SiteSource.ContentFolder.Length..], f.Bytes)).ToList();

        stages.Mark("read");
        progress?.Report(BuildStage.Parsing);
        var parsed = new ParsedPage?[markdownFiles.Length];
        var parseCache = options.Incremental is { } state ? new ParseCache(state.Memory, IncrementalKeys.Config(config)) : null;
        Parallel.For(0, markdownFiles.Length, i => parsed[i] = parseCache is null
            ? PageReader.Read(markdownFiles[i], config, diagnostics)
            : parseCache.Read(markdownFiles[i], config, diagnostics));
        parseCache?.Prune(markdownFiles);
        var (published, unpublished) = Publish(parsed, options, now);

        stages.Mark("front matter");
        progress?.Report(BuildStage.Rendering);
        // Images are sized (and resized, or found in the cache) before markdown renders, so pages can carry srcset and size.
        var images = ImageCatalog.For(staticFiles, options.Images, config.BasePath);
        RenderedLinks links;
        using (ResponsiveImageScope.Use(images))
        {
            links = RenderMarkdown(published, unpublished, staticFiles, config, diagnostics, options.Incremental);
        }

        ImageDiagnostics.Report(images, links.All, published.Select(p => p.Page), diagnostics);
        stages.Mark("markdown");
        var site = SiteModelBuilder.Build(config, now, published.Select(p => p.Page).ToList(), staticFiles, diagnostics);

        stages.Mark("model");
        progress?.Report(BuildStage.Writing);
        var templates = new TemplateRenderer(theme, site, diagnostics);
        // Only a live preview draws edited pages ahead of a rebuild, and only against a model without errors.
        BodyEditPreview? bodyEdits = null;
        if (options.FirstPages is { } first && !diagnostics.HasErrors)
        {
            bodyEdits = new BodyEditPreview(site, theme, links.Renderer, images, markdownFiles, published);
            first.ModelReady?.Invoke(bodyEdits);
            first.RenderFrom(site, templates);
            stages.Mark("first pages");
        }

        var session = options.Incremental is null ? null : new IncrementalSession(options.Incremental, site, theme, IncrementalKeys.Global(site, options), sink);
        var context = new OutputContext(site, theme, templates, options, diagnostics, sink) { Incremental = session };
        RunOutputs(options.Outputs ?? OutputRegistry.Default(), context, stages);

        templates.ReportRuntimeErrors();

        // Two pages at one URL are already reported by the model; the first one's ids stand for the URL here.
        // A page's ids are read only when a link's anchor names the page (a cached rendering reads them from disk then).
        var rendered = new Dictionary<string, RenderedMarkdown>(StringComparer.Ordinal);
        foreach (var page in published)
        {
            rendered.TryAdd(page.Page.Route, links.Rendered[page.Page]);
        }

        LinkChecker.Check(links.All, context.Emitted, route => rendered.GetValueOrDefault(route)?.Ids, diagnostics);
        stages.Mark("link check");
        // Only a successful build's output is kept (the sink's caller commits it), so only then does it describe the last output.
        Action? commit = null;
        if (session is not null && !diagnostics.HasErrors)
        {
            if (commitIncremental)
            {
                session.CommitTo(options.Incremental!);
                stages.Mark("cache bookkeeping");
            }
            else
            {
                commit = () => session.CommitTo(options.Incremental!);
            }
        }

        var byKind = site.Pages.GroupBy(p => p.KindName).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        byKind["generated"] = site.GeneratedPages.Count;
        var result = new BuildResult(site, diagnostics.Sorted(), new BuildStatistics(byKind, context.Emitted.Count, clock.Elapsed) { Stages = stages.Stages })
        {
            BodyEdits = diagnostics.HasErrors ? null : bodyEdits,
        };
        return (result, commit);
    }

    /// <summary>Builds a site folder into its output folder, replacing the old output only when the build succeeds.</summary>
    public static BuildResult BuildToFolder(string siteRoot, string? outputFolder, BuildOptions options, IProgress<BuildStage>? progress = null)
    {
        // The work around the build proper (reading the files, loading and saving the cache, moving files into place)
        // is timed too: on an incremental build it is a large share of the whole. The cache loads while the site's
        // files are read, one mostly waiting on the disk and the other on the processor.
        var around = new StageTimer();
        var loading = options.CacheFolder is { } cacheFolder && options.Incremental is null
            ? Task.Run(() => Timed(() => CacheFile.Load(cacheFolder)))
            : null;
        // With a cache, only the files whose stamp changed since the last build are read now (see SourceRecords).
        var (source, reading) = Timed(() => options.CacheFolder is { } folder ? SiteSource.FromDirectory(siteRoot, folder) : SiteSource.FromDirectory(siteRoot));
        if (loading is not null)
        {
            var (state, loadingTook) = loading.GetAwaiter().GetResult();
            options = options with { Incremental = state };
            around.Mark("files and cache");
            around.Detail("site files", reading);
            around.Detail("cache load", loadingTook);
        }
        else
        {
            around.Mark("site files");
        }

        var output = ResolveOutputFolder(siteRoot, outputFolder, source.Config);
        if (OutputFolderGuard.Problem(siteRoot, output) is { } problem)
        {
            var refused = new Diagnostic(Severity.Error, SourceLocation.StartOf(SiteSource.ConfigFileName), DiagnosticCodes.ConfigInvalidValue, problem);
            return new BuildResult(null, [refused], BuildStatistics.Empty);
        }

        var before = around.Stages.ToList();
        using var sink = new StagedDirectorySink(output, options.Incremental?.OutputListing?.Count ?? 0);
        var lastListing = options.Incremental?.OutputListing;
        if (lastListing is not null)
        {
            sink.BeginSurvey(lastListing);
        }

        var (result, commitIncremental) = Build(source, options, sink, progress, commitIncremental: false);
        around.Skip();
        Action finishCacheSave = () => { };
        if (result.Succeeded)
        {
            // The incremental state takes in this build, and the cache file is written, while the output is committed,
            // one mostly waiting on the file system and the other on the processor; only the listing of the output
            // folder, which the commit makes, is added after it. A build server does both after it has answered.
            CacheFile.CacheSave BeginCacheSave(IncrementalState saved, string folder)
            {
                commitIncremental?.Invoke();
                return CacheFile.BeginSave(saved, folder);
            }

            (IncrementalState State, string Folder)? cache = options.CacheFolder is { } savedTo && options.Incremental is { } cached
                ? (cached, savedTo)
                : null;
            var saving = cache is { } now && !options.DeferCacheSave ? Task.Run(() => BeginCacheSave(now.State, now.Folder)) : null;
            if (cache is null)
            {
                commitIncremental?.Invoke();
            }
            else
            {
                // Until the new main file is in place, the cache on disk describes an output that is being replaced: a
                // build cut short during the commit must leave no cache to trust, rather than the last one.
                CacheFile.Discard(cache.Value.Folder);
            }

            OutputFolderSweep.OutputListing listing;
            try
            {
                // The state is about to describe this build's files; until they are in place, no listing vouches for them.
                if (options.Incremental is { } committing)
                {
                    committing.OutputListing = null;
                }

                listing = sink.Commit(lastListing);
            }
            catch
            {
                DiscardCacheSave(saving);
                throw;
            }

            if (options.Incremental is { } state)
            {
                state.OutputListing = listing;
            }

            around.Mark("output commit");
            if (cache is { } later && options.DeferCacheSave)
            {
                var once = 0;
                finishCacheSave = () =>
                {
                    if (Interlocked.Exchange(ref once, 1) == 0)
                    {
                        CompleteCacheSave(() => BeginCacheSave(later.State, later.Folder), source, later.Folder);
                        // The next build's survey starts from the folders of this listing: worked out now, while no one waits.
                        _ = listing.Folders;
                    }
                };
            }
            else if (saving is not null)
            {
                CompleteCacheSave(saving.GetAwaiter().GetResult, source, cache!.Value.Folder);
                around.Mark("cache save");
            }
        }
        else
        {
            sink.Abort();
            if (options.CacheFolder is not null && options.Incremental is not null)
            {
                SaveCache(options.Incremental, source, options.CacheFolder, result);
                around.Mark("cache save");
            }
        }

        var stages = before.Concat(result.Statistics.Stages).Concat(around.Stages.Skip(before.Count)).ToList();
        return result with { Statistics = result.Statistics with { Stages = stages, Elapsed = around.Elapsed }, FinishCacheSave = finishCacheSave };
    }

    private static (T Value, TimeSpan Took) Timed<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var value = work();
        return (value, clock.Elapsed);
    }

    /// <summary>Puts in place the cache file <paramref name="begun"/> wrote (or waits for it to be written first).</summary>
    private static void CompleteCacheSave(Func<CacheFile.CacheSave> begun, SiteSource source, string folder)
    {
        try
        {
            using var save = begun();
            save.Complete();
            SourceRecords.Save(folder, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As in SaveCache: the build succeeded, and the next one is a full build.
        }
    }

    private static void DiscardCacheSave(Task<CacheFile.CacheSave>? saving)
    {
        try
        {
            saving?.GetAwaiter().GetResult().Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing new was put in place; the old main file was discarded before the commit, so the next build is full.
        }
    }

    private static void SaveCache(IncrementalState state, SiteSource source, string folder, BuildResult result)
    {
        try
        {
            CacheFile.Save(state, folder);
            SourceRecords.Save(folder, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time; a build that cannot save it still succeeded, and the next one is a full build.
            _ = result;
        }
    }

    /// <summary>
    /// The output folder: the one given, else the config's <c>output</c>, relative to the site. Reads only the config
    /// file, so a caller that just wants to show where the site went does not read the whole site again.
    /// </summary>
    public static string ResolveOutputFolder(string siteRoot, string? outputFolder) =>
        ResolveOutputFolder(siteRoot, outputFolder, ReadConfigFile(siteRoot));

    private static string ResolveOutputFolder(string siteRoot, string? outputFolder, SourceFile? config)
    {
        if (outputFolder is not null)
        {
            return Path.GetFullPath(outputFolder);
        }

        var configured = SiteConfigLoader.Load(config, new DiagnosticBag())?.Output ?? "_site";
        return Path.GetFullPath(Path.Combine(siteRoot, configured));
    }

    private static SourceFile? ReadConfigFile(string siteRoot)
    {
        var path = Path.Combine(siteRoot, SiteSource.ConfigFileName);
        return File.Exists(path) ? new SourceFile(SiteSource.ConfigFileName, File.ReadAllBytes(path)) : null;
    }

    private static SiteConfig ApplyOverrides(SiteConfig config, BuildOptions options, DiagnosticBag diagnostics)
    {
        if (options.BaseUrl is null)
        {
            return config;
        }

        var text = options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            diagnostics.Error(new SourceLocation("--base-url", 1, 1), DiagnosticCodes.ConfigInvalidValue,
                $"--base-url is not an absolute URL: '{options.BaseUrl}' (expected e.g. https://portal.example.internal/tools/)");
            return config;
        }

        return config with { BaseUrl = uri };
    }

    private static (List<ParsedPage> Published, HashSet<string> Unpublished) Publish(ParsedPage?[] parsed, BuildOptions options, Instant now)
    {
        var published = new List<ParsedPage>();
        var unpublished = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in parsed)
        {
            if (page is null)
            {
                continue;
            }

            var scheduled = page.Page.Date is { } date && date.ToInstant() > now;
            if ((page.Page.Draft && !options.Drafts) || (scheduled && !options.Future))
            {
                unpublished.Add(page.Page.SourcePath);
            }
            else
            {
                published.Add(page);
            }
        }

        return (published, unpublished);
    }

    private sealed record RenderedLinks(List<InternalLink> All, Dictionary<Page, RenderedMarkdown> Rendered, MarkdownPageRenderer Renderer);

    private static string ImagesFingerprint(List<StaticFile> staticFiles) =>
        StableHash.Of(staticFiles.Where(f => ImageCatalog.IsRaster(f.OutputPath)).Select(f => f.OutputPath + "\u0001" + StableHash.Of(f.Bytes)));

    private static RenderedLinks RenderMarkdown(
        List<ParsedPage> published, HashSet<string> unpublished, List<StaticFile> staticFiles, SiteConfig config, DiagnosticBag diagnostics,
        IncrementalState? incremental)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in published)
        {
            routes[page.Page.SourcePath] = page.Page.Route;
        }

        var files = staticFiles.ToDictionary(f => f.SourcePath, f => f.OutputPath, StringComparer.Ordinal);
        var targets = new LinkTargets(routes, unpublished, files);
        var renderer = new MarkdownPageRenderer(targets, config.BasePath);
        // Rendered markdown carries image sizes and variants, so the cache key covers the images' bytes too.
        var cache = incremental is null
            ? null
            : new MarkdownCache(incremental, MarkdownCache.TargetsKey(IncrementalKeys.Config(config) + ImagesFingerprint(staticFiles), routes, unpublished, files));
        var results = new RenderedMarkdown[published.Count];
        Parallel.For(0, published.Count, i =>
        {
            var parsed = published[i];
            var page = parsed.Page;
            var rendered = cache is null
                ? renderer.Render(parsed.Body, page.SourcePath, page.Route, parsed.BodyStartLine, diagnostics)
                : cache.Render(renderer, parsed, diagnostics);
            ApplyMarkdown(page, rendered);
            page.Image = ResolveImage(page, targets, diagnostics);
            results[i] = rendered;
        });

        cache?.Prune();
        var byPage = new Dictionary<Page, RenderedMarkdown>();
        for (var i = 0; i < published.Count; i++)
        {
            byPage[published[i].Page] = results[i];
        }

        return new RenderedLinks(results.SelectMany(r => r.Links).ToList(), byPage, renderer);
    }

    /// <summary>Fills a page in from its rendered body; a summary the writer did not give is the body's first paragraph.</summary>
    internal static void ApplyMarkdown(Page page, RenderedMarkdown rendered)
    {
        page.ShowBody(rendered);
        page.Summary ??= rendered.FirstParagraph is { Length: > 0 } first ? PlainText.Truncate(first, 200) : null;
    }

    /// <summary>An <c>image:</c> is written relative to the page's file, like a markdown image; the model holds its route.</summary>
    private static string? ResolveImage(Page page, LinkTargets targets, DiagnosticBag diagnostics)
    {
        if (page.Image is not { Length: > 0 } image)
        {
            return null;
        }

        switch (targets.Resolve(image, page.SourcePath, page.Route))
        {
            case LinkTarget.Internal target:
                return target.Route;
            case LinkTarget.Broken broken:
                diagnostics.Error(page.Basics.ImageAt ?? page.SourceStart, DiagnosticCodes.BrokenLink, $"'image': {broken.Message}");
                return null;
            default:
                return image;
        }
    }

    /// <summary>
    /// Outputs only read the finished model and emit files, so they run side by side: the small ones, and the serial
    /// parts of the large ones, use the cores that page rendering leaves idle. Each one's own duration is kept for
    /// --timings (they overlap, so processor time is only known for all of them together).
    /// </summary>
    private static void RunOutputs(IReadOnlyList<ISiteOutput> outputs, OutputContext context, StageTimer stages)
    {
        var durations = new TimeSpan[outputs.Count];
        var inOrder = Partitioner.Create(Enumerable.Range(0, outputs.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(inOrder, i =>
        {
            var clock = Stopwatch.StartNew();
            RunOutput(outputs[i], context);
            durations[i] = clock.Elapsed;
        });

        stages.Mark("outputs");
        for (var i = 0; i < outputs.Count; i++)
        {
            stages.Detail(outputs[i].Name, durations[i]);
        }
    }

    private static void RunOutput(ISiteOutput output, OutputContext context)
    {
        try
        {
            output.Write(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An output failing is a bug in the tool or a theme, not in content; say so plainly, without a stack trace.
            var inner = e is AggregateException { InnerExceptions.Count: > 0 } agg ? agg.InnerExceptions[0] : e;
            context.Diagnostics.Error(SourceLocation.StartOf(SiteSource.ConfigFileName), DiagnosticCodes.Output,
                $"the {output.Name} output failed: {inner.GetType().Name}: {inner.Message}");
        }
    }
}

public enum BuildStage
{
    Reading,
    Parsing,
    Rendering,
    Writing,
}
