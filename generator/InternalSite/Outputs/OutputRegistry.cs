using InternalSite.Outputs.Calendars;
using InternalSite.Outputs.Images;
using InternalSite.Outputs.Images.SocialCards;
using InternalSite.Outputs.Pages;
using InternalSite.Outputs.Search;
using InternalSite.Outputs.Site;

namespace InternalSite.Outputs;

/// <summary>The outputs a build runs, in order. Register a new output here.</summary>
public static class OutputRegistry
{
    public static IReadOnlyList<ISiteOutput> Default() =>
    [
        new PageHtmlOutput(),
        new Email.NewsletterEmailOutput(),
        new AliasOutput(),
        new StaticFileOutput(),
        new ThemeAssetOutput(),
        new SitemapOutput(),
        new Feeds.FeedOutput(),
        new CalendarOutput(),
        new SearchIndexOutput(),
        new ResponsiveImageOutput(),
        new SocialCardOutput(),
    ];
}
