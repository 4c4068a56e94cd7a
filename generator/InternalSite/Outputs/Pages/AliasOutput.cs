using InternalSite.Templating;

namespace InternalSite.Outputs.Pages;

/// <summary>A small redirect page at each old URL in <c>aliases</c>, pointing at the page's current URL.</summary>
public sealed class AliasOutput : ISiteOutput
{
    public string Name => "aliases";

    public void Write(OutputContext context)
    {
        foreach (var (from, to) in context.Site.Aliases)
        {
            var target = Html.Escape(context.Site.Url(to.Route));
            var title = Html.Escape(to.Title);
            var html = $"""
                <!doctype html>
                <html lang="{Html.Escape(context.Site.Config.Language)}"><head><meta charset="utf-8"><title>{title}</title>
                <link rel="canonical" href="{Html.Escape(context.Site.AbsoluteUrl(to.Route))}">
                <meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={target}"></head>
                <body><p>This page has moved to <a href="{target}">{title}</a>.</p></body></html>

                """;
            context.Emit(OutputContext.FileFor(from), html, Name);
        }
    }
}
