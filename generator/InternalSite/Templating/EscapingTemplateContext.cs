using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace InternalSite.Templating;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is an <see cref="HtmlString"/>.
/// Titles and tags written by people can never inject markup, whichever template forgets to escape them.
/// </summary>
internal sealed class EscapingTemplateContext(ScriptObject builtins) : TemplateContext(builtins)
{
    /// <summary>Reads of pages and the site model are reported to the incremental build, which records them per output file.</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        return accessor is not null && target is Model.Page or Model.SiteModel ? new Build.Incremental.TrackingObjectAccessor(accessor) : accessor;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case HtmlString html:
                Write(html.Value);
                return this;
            default:
                Write(Html.Escape(ObjectToString(textAsObject, nested: false)));
                return this;
        }
    }
}
