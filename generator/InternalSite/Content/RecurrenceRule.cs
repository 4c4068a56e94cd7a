using System.Globalization;

namespace InternalSite.Content;

/// <summary>
/// Checks an RFC 5545 RRULE value as a writer typed it, so a typo is reported at the page rather than by a calendar
/// client months later. Returns null when valid, else what is wrong.
/// </summary>
public static class RecurrenceRule
{
    private static readonly HashSet<string> Frequencies =
        ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];

    private static readonly HashSet<string> Weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static string? Validate(string rule)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                return $"'{part}' is not NAME=VALUE";
            }

            var name = part[..eq].ToUpperInvariant();
            var value = part[(eq + 1)..].ToUpperInvariant();
            if (!seen.Add(name))
            {
                return $"{name} is given twice";
            }

            var problem = name switch
            {
                "FREQ" => Frequencies.Contains(value) ? null : $"FREQ={value} is not a frequency such as DAILY, WEEKLY, MONTHLY or YEARLY",
                "COUNT" => PositiveInt(value, name),
                "INTERVAL" => PositiveInt(value, name),
                "UNTIL" => ValidUntil(value),
                "BYDAY" => value.Split(',').All(ValidByDay) ? null : $"BYDAY={value} is not a list of days such as MO,TU or 1MO,-1FR",
                "BYMONTHDAY" => IntList(value, name, 1, 31, signed: true),
                "BYMONTH" => IntList(value, name, 1, 12, signed: false),
                "BYHOUR" => IntList(value, name, 0, 23, signed: false),
                "BYMINUTE" => IntList(value, name, 0, 59, signed: false),
                "BYSECOND" => IntList(value, name, 0, 60, signed: false),
                "BYYEARDAY" => IntList(value, name, 1, 366, signed: true),
                "BYWEEKNO" => IntList(value, name, 1, 53, signed: true),
                "BYSETPOS" => IntList(value, name, 1, 366, signed: true),
                "WKST" => Weekdays.Contains(value) ? null : $"WKST={value} is not a day such as MO",
                _ => $"unknown part '{name}'",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        if (!seen.Contains("FREQ"))
        {
            return "FREQ is missing";
        }

        return seen.Contains("COUNT") && seen.Contains("UNTIL") ? "COUNT and UNTIL cannot both be given" : null;
    }

    private static string? PositiveInt(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? null
            : $"{name}={value} is not a positive whole number";

    private static string? ValidUntil(string value)
    {
        string[] formats = ["yyyyMMdd", "yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmmss'Z'"];
        return DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"UNTIL={value} is not a date such as 20261231 or 20261231T235959Z";
    }

    private static bool ValidByDay(string value)
    {
        if (value.Length < 2 || !Weekdays.Contains(value[^2..]))
        {
            return false;
        }

        var ordinal = value[..^2];
        return ordinal.Length == 0 ||
               (int.TryParse(ordinal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n != 0 && Math.Abs(n) <= 53);
    }

    private static string? IntList(string value, string name, int min, int max, bool signed)
    {
        foreach (var item in value.Split(','))
        {
            if (!int.TryParse(item, signed ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || Math.Abs(n) < min || Math.Abs(n) > max)
            {
                return $"{name}={value} is not a list of numbers from {min} to {max}";
            }
        }

        return null;
    }
}
