using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace InternalSite.Content;

/// <summary>Reads durations as writers type them: "45m", "1h30m", "2h", or ISO 8601 "PT45M".</summary>
public static partial class DurationText
{
    public static Duration? Parse(string text)
    {
        var s = text.Trim();
        var match = Short().Match(s);
        if (!match.Success)
        {
            match = Iso().Match(s);
        }

        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success))
        {
            return null;
        }

        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var total = Duration.FromHours(hours) + Duration.FromMinutes(minutes);
        return total > Duration.Zero && total <= Duration.FromDays(1) ? total : null;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,2})\s*h)?\s*(?:(?<m>\d{1,4})\s*(?:m|min))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Short();

    [GeneratedRegex(@"^PT(?:(?<h>\d{1,2})H)?(?:(?<m>\d{1,4})M)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();
}
