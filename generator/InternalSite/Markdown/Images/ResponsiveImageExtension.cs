using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace InternalSite.Markdown.Images;

/// <summary>
/// Markdig extension that swaps the link renderer for <see cref="ResponsiveImageRenderer"/>. Parsing is untouched:
/// images are ordinary <c>LinkInline</c> nodes, so their line and column stay where Markdig put them. Registering it
/// twice leaves one renderer.
/// </summary>
public sealed class ResponsiveImageExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<ResponsiveImageRenderer>())
        {
            return;
        }

        var index = html.ObjectRenderers.FindIndex(r => r is LinkInlineRenderer);
        var ours = new ResponsiveImageRenderer();
        if (index >= 0)
        {
            html.ObjectRenderers[index] = ours;
        }
        else
        {
            html.ObjectRenderers.Add(ours);
        }
    }
}

public static class ResponsiveImagePipelineExtensions
{
    /// <summary>Renders images with srcset/sizes, width/height, lazy loading and async decoding.</summary>
    public static MarkdownPipelineBuilder UseResponsiveImages(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ResponsiveImageExtension>();
        return pipeline;
    }
}
