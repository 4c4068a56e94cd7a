using InternalSite.Markdown.Images;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace InternalSite.Markdown;

/// <summary>The one markdown dialect of the portal: CommonMark with tables, task lists, footnotes, heading ids and alerts.</summary>
public static class MarkdownPipelineFactory
{
    private static readonly Lazy<MarkdownPipeline> Shared = new(Build);

    /// <summary>Built once; Markdig pipelines are safe to share between threads.</summary>
    public static MarkdownPipeline Pipeline => Shared.Value;

    private static MarkdownPipeline Build() =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAlertBlocks()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseDefinitionLists()
            .UseResponsiveImages()
            .Build();
}
