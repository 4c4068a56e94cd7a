using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace InternalSite.Model.Schedule;

/// <summary>Says when a series meets in words ("Every week on Tuesday, 15:00–16:00 Europe/London…"), for its page.</summary>
public static class SeriesDescription
{
    private static readonly Dictionary<string, string> DayNames = new(StringComparer.Ordinal)
    {
        ["MO"] = "Monday", ["TU"] = "Tuesday", ["WE"] = "Wednesday", ["TH"] = "Thursday", ["FR"] = "Friday", ["SA"] = "Saturday", ["SU"] = "Sunday",
    };

    public static string Describe(OfficeHours series)
    {
        var start = series.StartZoned;
        var end = start.Plus(series.Duration);
        var time = $"{Time(start)}–{Time(end)} {series.TimeZoneId} ({DurationText(series.Duration)})";
        if (SeriesRecurrence.RuleFor(series) is not { } rule)
        {
            return $"{start.Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}, {time}";
        }

        var parts = rule.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var interval = parts.TryGetValue("INTERVAL", out var i) && int.TryParse(i, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;
        var unit = parts["FREQ"] switch
        {
            "DAILY" => "day",
            "WEEKLY" => "week",
            "MONTHLY" => "month",
            "YEARLY" => "year",
            var other => other.ToLowerInvariant(),
        };
        var text = new StringBuilder(interval == 1 ? $"Every {unit}" : $"Every {interval} {unit}s");
        if (parts.TryGetValue("BYDAY", out var days))
        {
            text.Append(" on ").Append(string.Join(", ", days.Split(',').Select(Day)));
        }

        text.Append(", ").Append(time).Append(", from ").Append(start.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        if (parts.TryGetValue("COUNT", out var count))
        {
            text.Append(", ").Append(count).Append(" sessions");
        }
        else if (parts.TryGetValue("UNTIL", out var until) && LocalDateTimePattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss'Z'").Parse(until) is { Success: true } utc)
        {
            var last = utc.Value.InUtc().ToInstant().InZone(series.TimeZone).Date;
            text.Append(" until ").Append(last.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static string DurationText(Duration duration)
    {
        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        return (hours, minutes) switch
        {
            (0, _) => $"{minutes} min",
            (_, 0) => hours == 1 ? "1 hour" : $"{hours} hours",
            _ => $"{hours} h {minutes} min",
        };
    }

    private static string Time(ZonedDateTime time) => time.LocalDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"TU" → "Tuesday", "1MO" → "the 1st Monday", "-1FR" → "the last Friday".</summary>
    private static string Day(string code)
    {
        var name = DayNames.GetValueOrDefault(code[^2..], code);
        var ordinal = code[..^2];
        return ordinal switch
        {
            "" => name,
            "-1" => $"the last {name}",
            "1" or "+1" => $"the 1st {name}",
            "2" or "+2" => $"the 2nd {name}",
            "3" or "+3" => $"the 3rd {name}",
            _ => $"the {ordinal.TrimStart('+')}th {name}",
        };
    }
}
