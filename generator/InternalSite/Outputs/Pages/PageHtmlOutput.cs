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

    private void Render(OutputContext context, Page page)
    {
        var html = context.Templates.RenderPage(page);
        if (html is not null)
        {
            context.Emit(OutputContext.FileFor(page.Route), html, Name);
        }
    }
}
