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
    /// <summary>
    /// Noda Time values (a page's start, date or duration written as they are) print in the invariant ISO form:
    /// Scriban would pass this context as the format provider, which Noda Time rejects with an exception.
    /// </summary>
    public override string ObjectToString(object? value, bool nested = false)
    {
        switch (value)
        {
            case NodaTime.LocalDateTime local:
                return NodaTime.Text.LocalDateTimePattern.ExtendedIso.Format(local);
            case NodaTime.LocalDate date:
                return NodaTime.Text.LocalDatePattern.Iso.Format(date);
            case NodaTime.ZonedDateTime zoned:
                return NodaTime.Text.OffsetDateTimePattern.Rfc3339.Format(zoned.ToOffsetDateTime());
            case IFormattable formattable when value.GetType().Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true:
                return formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        }

        return base.ObjectToString(value, nested) ?? string.Empty;
    }

    /// <summary>
    /// Members of model objects are read through compiled getters; reads of pages and the site model are reported to
    /// the incremental build, which records them per output file.
    /// </summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        if (accessor is null)
        {
            return null;
        }

        accessor = CompiledMemberAccessor.For(this, target, accessor);
        return target is Model.Page or Model.SiteModel ? new Build.Incremental.TrackingObjectAccessor(accessor) : accessor;
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
