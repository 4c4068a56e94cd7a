using InternalSite.Model;

namespace InternalSite.Outputs.Pages;

/// <summary>Every page, written and generated, through the theme's layouts, in parallel.</summary>
public sealed class PageHtmlOutput : ISiteOutput
{
    public string Name => "pages";

    public void Write(OutputContext context)
    {
        var pages = context.Site.AllPages.ToArray();
        Parallel.ForEach(pages, page => Render(context, page));
    }

    // A page's HTML depends only on what its layouts read, so an incremental build can keep it when that is unchanged.
    private void Render(OutputContext context, Page page) =>
        context.EmitRendered(OutputContext.FileFor(page.Route), Name, () => context.Templates.RenderPageUtf8(page));
}
