using InternalSite.Markdown.Images;
using Markdig;

namespace InternalSite.Tests.Images;

public sealed class ResponsiveImageExtensionTests
{
    private sealed class OneImage : IResponsiveImageSource
    {
        public string Sizes => "100vw";

        public ResponsiveImage? Find(string url) => url == "/a.png"
            ? new ResponsiveImage(800, 600, [new("/a-480w.png", 480), new("/a.png", 800)], [new("/a-480w.webp", 480), new("/a.webp", 800)])
            : null;
    }

    [Fact]
    public void Registering_the_extension_twice_renders_each_image_once()
    {
        var pipeline = new MarkdownPipelineBuilder().UseResponsiveImages().UseResponsiveImages().Build();
        using var scope = ResponsiveImageScope.Use(new OneImage());

        var html = Markdig.Markdown.ToHtml("![A](/a.png) and [a link](/a.png)", pipeline);

        Assert.Single(pipeline.Extensions.OfType<ResponsiveImageExtension>());
        Assert.Equal(1, Count(html, "<picture>"));
        Assert.Equal(1, Count(html, "loading=\"lazy\""));
        Assert.Contains("<a href=\"/a.png\">a link</a>", html, StringComparison.Ordinal);
        Assert.Contains("srcset=\"/a-480w.webp 480w, /a.webp 800w\"", html, StringComparison.Ordinal);
        Assert.Contains("width=\"800\" height=\"600\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_build_images_render_plainly_but_lazily()
    {
        var pipeline = new MarkdownPipelineBuilder().UseResponsiveImages().Build();

        var html = Markdig.Markdown.ToHtml("![A *b*](/a.png \"T\")", pipeline);

        Assert.StartsWith("<p><img src=\"/a.png\"", html, StringComparison.Ordinal);
        foreach (var attribute in new[] { "alt=\"A b\"", "title=\"T\"", "loading=\"lazy\"", "decoding=\"async\"" })
        {
            Assert.Contains(attribute, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("srcset", html, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
