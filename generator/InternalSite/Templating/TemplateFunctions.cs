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
        functions.Define<object?, string>("url", route => IsAbsolute(route) ? (string)route! : site.Url(RouteOf(route)));
        functions.Define<object?, string>("abs_url", route => IsAbsolute(route) ? (string)route! : site.AbsoluteUrl(RouteOf(route)));
        functions.Define<object?, HtmlString>("raw", html => html as HtmlString ?? new HtmlString(html?.ToString() ?? string.Empty));
        functions.Define<string?, string>("slugify", text => Slugs.Slugify(text ?? string.Empty));
        functions.Define<object?, string?, string>("format_date", FormatDate, new TypedFunctions.Optional<string?>(null));
        functions.Define<object?, string>("iso_date", IsoDate);
        functions.Define<object?, int, bool>("is_recent", (date, days) => IsRecent(site, date, days));
        functions.Define<string?, int, string>("truncate_words", (text, max) => Markdown.PlainText.Truncate(text ?? string.Empty, max));
        functions.Define<Page, IReadOnlyList<Subscription>>("feeds_for", Build.Incremental.TrackedPageFunctions.Tracked("feeds_for", Subscriptions.FeedsFor));
        functions.Define<Page, IReadOnlyList<Subscription>>("calendars_for", Build.Incremental.TrackedPageFunctions.Tracked("calendars_for", Subscriptions.CalendarsFor));
        functions.Define<object?, string>("webcal_url", route => "webcal://" + site.AbsoluteUrl(RouteOf(route)).Split("://", 2)[1]);
        functions.Define<Page, string>("social_card", OutputPaths.SocialCard);
        functions.Define<Newsletter, string>("email_version", OutputPaths.NewsletterEmail);
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

    private static string FormatDate(object? value, string? pattern)
    {
        pattern = string.IsNullOrEmpty(pattern) ? "d MMMM yyyy" : pattern;
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
