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

        // Always written: the office-hours page links to it even before the first series exists.
        Emit(context, OutputPaths.AllEventsCalendar, $"{title}: office hours", site.Events);
        foreach (var product in site.Products.Where(p => p.Events.Count > 0))
        {
            Emit(context, OutputPaths.ProductCalendar(product.ProductSlug), $"{product.Title} office hours", product.Events);
        }

        foreach (var series in site.Events)
        {
            Emit(context, OutputPaths.SeriesCalendar(series), series.Title, [series]);
        }
    }

    private void Emit(OutputContext context, string path, string name, IEnumerable<OfficeHours> series) =>
        context.Emit(path, OfficeHoursCalendar.Write(context.Site, name, path, series), Name);
}
