namespace InternalSite.Templating;

/// <summary>Text that is already HTML: templates write it as it is, where every other value is escaped.</summary>
public sealed record HtmlString(string Value)
{
    public static readonly HtmlString Empty = new(string.Empty);

    public override string ToString() => Value;
}
