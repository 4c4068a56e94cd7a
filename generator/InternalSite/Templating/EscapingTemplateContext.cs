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
