using System.Globalization;
using InternalSite.Content;
using InternalSite.Model;
using InternalSite.Outputs;
using NodaTime;
using NodaTime.Text;
using Scriban.Runtime;

namespace InternalSite.Templating;

/// <summary>Functions the theme's templates call, on top of Scriban's built-ins. Culture-invariant throughout.</summary>
internal static class TemplateFunctions
{
    public static ScriptObject Create(SiteModel site)
    {
        var functions = new ScriptObject();
        functions.Import("url", new Func<object?, string>(route => IsAbsolute(route) ? (string)route! : site.Url(RouteOf(route))));
        functions.Import("abs_url", new Func<object?, string>(route => IsAbsolute(route) ? (string)route! : site.AbsoluteUrl(RouteOf(route))));
        functions.Import("raw", new Func<object?, HtmlString>(html => html as HtmlString ?? new HtmlString(html?.ToString() ?? string.Empty)));
        functions.Import("slugify", new Func<string?, string>(text => Slugs.Slugify(text ?? string.Empty)));
        functions.Import("format_date", new Func<object?, string?, string>(FormatDate));
        functions.Import("iso_date", new Func<object?, string>(IsoDate));
        functions.Import("is_recent", new Func<object?, int, bool>((date, days) => IsRecent(site, date, days)));
        functions.Import("truncate_words", new Func<string?, int, string>((text, max) => Markdown.PlainText.Truncate(text ?? string.Empty, max)));
        functions.Import("feeds_for", new Func<Page, IReadOnlyList<Subscription>>(Subscriptions.FeedsFor));
        functions.Import("calendars_for", new Func<Page, IReadOnlyList<Subscription>>(Subscriptions.CalendarsFor));
        functions.Import("webcal_url", new Func<object?, string>(route => "webcal://" + site.AbsoluteUrl(RouteOf(route)).Split("://", 2)[1]));
        functions.Import("social_card", new Func<Page, string>(OutputPaths.SocialCard));
        functions.Import("email_version", new Func<Newsletter, string>(OutputPaths.NewsletterEmail));
        Outputs.Calendars.CalendarTemplateFunctions.Import(functions, site);
        return functions;
    }

    private static bool IsAbsolute(object? value) => value is string s && s.Contains("://", StringComparison.Ordinal);

    private static string RouteOf(object? value) => value switch
    {
        Page page => page.Route,
        GuideSection section => section.Route,
        TaxonomyTerm term => term.Route,
        string s => s.TrimStart('/'),
        null => string.Empty,
        _ => value.ToString()?.TrimStart('/') ?? string.Empty,
    };

    private static string FormatDate(object? value, string? pattern = null)
    {
        pattern ??= "d MMMM yyyy";
        return value switch
        {
            ZonedDateTime z => z.LocalDateTime.ToString(pattern, CultureInfo.InvariantCulture),
            LocalDateTime l => l.ToString(pattern, CultureInfo.InvariantCulture),
            LocalDate d => d.ToString(pattern, CultureInfo.InvariantCulture),
            OffsetDateTime o => o.LocalDateTime.ToString(pattern, CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
    }

    /// <summary>An ISO 8601 date-time for &lt;time datetime&gt;: with its offset when it has a time, a plain date at midnight.</summary>
    private static string IsoDate(object? value) => value switch
    {
        ZonedDateTime z when z.TimeOfDay == LocalTime.Midnight => LocalDatePattern.Iso.Format(z.Date),
        ZonedDateTime z => OffsetDateTimePattern.Rfc3339.Format(z.ToOffsetDateTime()),
        LocalDate d => LocalDatePattern.Iso.Format(d),
        _ => string.Empty,
    };

    /// <summary>Whether a date falls within <paramref name="days"/> days before the build, by the site's calendar.</summary>
    private static bool IsRecent(SiteModel site, object? value, int days)
    {
        if (value is not ZonedDateTime z)
        {
            return false;
        }

        var today = site.BuildTime.InZone(site.Config.TimeZone).Date;
        var date = z.Date;
        return date <= today && Period.Between(date, today, PeriodUnits.Days).Days < days;
    }
}
