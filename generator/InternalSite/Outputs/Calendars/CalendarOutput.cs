using InternalSite.Build.Incremental;
using InternalSite.Model;

namespace InternalSite.Outputs.Calendars;

/// <summary>The office-hours calendars: all series, each product's series, and each series on its own, at the paths of <see cref="OutputPaths"/>.</summary>
public sealed class CalendarOutput : ISiteOutput
{
    public string Name => "calendars";

    public void Write(OutputContext context)
    {
        var site = context.Site;
        var title = site.Config.Title;

        // The all-series calendar is always written: the office-hours page links to it even before the first series exists.
        var calendars = new List<(string Path, string Name, IReadOnlyList<OfficeHours> Series)>
        {
            (OutputPaths.AllEventsCalendar, $"{title}: office hours", site.Events),
        };
        calendars.AddRange(site.Products.Where(p => p.Events.Count > 0)
            .Select(p => (OutputPaths.ProductCalendar(p.ProductSlug), $"{p.Title} office hours", p.Events)));
        calendars.AddRange(site.Events.Select(s => (OutputPaths.SeriesCalendar(s), s.Title, (IReadOnlyList<OfficeHours>)[s])));

        // Each file depends only on its own series, so they are written in parallel; the bytes do not depend on the order.
        Parallel.ForEach(calendars, c => Emit(context, c.Path, c.Name, c.Series));
    }

    // A calendar is made from its series alone (and the config), so an incremental build keeps it while they are unchanged.
    private void Emit(OutputContext context, string path, string name, IReadOnlyList<OfficeHours> series)
    {
        var fingerprint = context.Incremental is null ? string.Empty : Fingerprint(context.Site, name, path, series);
        context.EmitFingerprinted(path, Name, fingerprint,
            () => System.Text.Encoding.UTF8.GetBytes(OfficeHoursCalendar.Write(context.Site, name, path, series)));
    }

    /// <summary>
    /// Everything a calendar file is made from: the tool and config, its name and path, and of each series every
    /// field its front matter set, its summary (which may come from its body) and its product's title.
    /// </summary>
    private static string Fingerprint(SiteModel site, string name, string path, IReadOnlyList<OfficeHours> series) =>
        StableHash.Of(
        [
            StableHash.ToolVersion, IncrementalKeys.Config(site.Config), name, path,
            .. series.OrderBy(s => s.Route, StringComparer.Ordinal).SelectMany(s => new[]
            {
                StableHash.Of(ParsedPageCodec.EncodeFields(s)), s.Summary, s.Product?.Title ?? "\u0001",
            }),
        ]);
}
