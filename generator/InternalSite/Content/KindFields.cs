using InternalSite.Config;
using InternalSite.Diagnostics;
using InternalSite.Model;
using NodaTime;

namespace InternalSite.Content;

/// <summary>Reads the front matter keys of each kind and makes the typed page.</summary>
internal static class KindFields
{
    public static readonly IReadOnlyDictionary<PageKind, string[]> Keys = new Dictionary<PageKind, string[]>
    {
        [PageKind.Home] = [],
        [PageKind.Page] = [],
        [PageKind.Product] = ["status", "owner", "team", "contact", "links", "logo"],
        [PageKind.Release] = ["version", "labels", "product"],
        [PageKind.Guide] = ["product"],
        [PageKind.Newsletter] = ["subject", "preheader", "digest"],
        [PageKind.Event] = ["start", "end", "duration", "timezone", "recurrence", "cancelled", "location", "join_url", "host", "product"],
    };

    public static ProductPage Product(YamlMap yaml, PageBasics basics, ContentLocation at)
    {
        var contact = yaml.Map("contact");
        Contact? contactInfo = null;
        if (contact is not null)
        {
            contactInfo = new Contact(contact.String("slack"), contact.String("email"), contact.String("url"));
            RejectUnknown(contact, ["slack", "email", "url"]);
        }

        var links = new List<ProductLink>();
        foreach (var link in yaml.MapList("links", "a list of {title, url}"))
        {
            var (title, url) = (link.String("title", required: true), link.String("url", required: true));
            RejectUnknown(link, ["title", "url"]);
            if (title is not null && url is not null)
            {
                links.Add(new ProductLink(title, url));
            }
        }

        return new ProductPage(basics)
        {
            ProductSlug = at.ProductSlug ?? Slugs.Slugify(basics.Title),
            Status = ReadStatus(yaml),
            Owner = yaml.String("owner"),
            Team = yaml.String("team"),
            Contact = contactInfo,
            Links = links,
            Logo = yaml.String("logo"),
        };
    }

    public static ReleaseNote Release(YamlMap yaml, PageBasics basics, ContentLocation at)
    {
        var product = yaml.String("product") ?? at.ProductSlug;
        if (product is null)
        {
            yaml.RequireMissing("product", "the product's folder name, e.g. 'atlas'");
        }

        SemanticVersion? version = null;
        var versionText = yaml.String("version");
        if (versionText is not null)
        {
            version = SemanticVersion.Parse(versionText);
            if (version is null)
            {
                yaml.Diagnostics.Error(yaml.ValueLocationOf("version"), DiagnosticCodes.InvalidValue,
                    $"'version' is not a semantic version: '{versionText}' (expected e.g. 2.4.0 or 3.0.0-beta.1)");
            }
        }

        var labels = new List<string>();
        foreach (var (node, label) in yaml.ScalarList("labels", "a list of labels"))
        {
            var name = label.Trim().ToLowerInvariant();
            if (!ReleaseNote.KnownLabels.Contains(name))
            {
                yaml.Diagnostics.Error(yaml.At(node), DiagnosticCodes.InvalidValue,
                    $"unknown label '{label}' (expected one of: {string.Join(", ", ReleaseNote.KnownLabels)})");
            }
            else if (!labels.Contains(name))
            {
                labels.Add(name);
            }
        }

        return new ReleaseNote(basics)
        {
            ProductSlug = product ?? string.Empty,
            Version = version,
            Labels = labels.OrderBy(l => Array.IndexOf(ReleaseNote.KnownLabels, l)).ToList(),
        };
    }

    public static GuidePage Guide(YamlMap yaml, PageBasics basics, ContentLocation at)
    {
        var product = yaml.String("product") ?? at.ProductSlug;
        if (product is null)
        {
            yaml.RequireMissing("product", "the product's folder name, e.g. 'atlas'");
        }

        return new GuidePage(basics)
        {
            ProductSlug = product ?? string.Empty,
            SectionPath = at.Kind == PageKind.Guide ? at.SectionPath : [],
            IsSectionIndex = at.Kind == PageKind.Guide && at.IsIndex,
        };
    }

    public static Newsletter Newsletter(YamlMap yaml, PageBasics basics) =>
        new Newsletter(basics)
        {
            Subject = yaml.String("subject") ?? basics.Title,
            Preheader = yaml.String("preheader"),
            Digest = yaml.Bool("digest") ?? false,
        };

    public static OfficeHours Event(YamlMap yaml, PageBasics basics, SiteConfig config)
    {
        var zone = SiteConfigLoader.ReadZone(yaml, "timezone") ?? config.TimeZone;
        var start = yaml.ParseDateTime("start", required: true, out var startOffset, "a local date-time such as 2026-03-03T15:00");
        if (startOffset is not null)
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf("start"), DiagnosticCodes.InvalidValue,
                "'start' has a UTC offset (expected a local date-time such as 2026-03-03T15:00, with the zone in 'timezone')");
        }

        var duration = ReadDuration(yaml, start);
        var recurrence = yaml.String("recurrence");
        if (recurrence is not null && RecurrenceRule.Validate(recurrence) is { } problem)
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf("recurrence"), DiagnosticCodes.InvalidValue,
                $"'recurrence' is not a valid RRULE: {problem} (expected e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=20)");
            recurrence = null;
        }

        var cancelled = new List<LocalDate>();
        foreach (var (node, text) in yaml.ScalarList("cancelled", "a list of dates, YYYY-MM-DD"))
        {
            var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text.Trim());
            if (parsed.Success)
            {
                cancelled.Add(parsed.Value);
            }
            else
            {
                yaml.Diagnostics.Error(yaml.At(node), DiagnosticCodes.InvalidValue,
                    $"'cancelled' entry is not a date: '{text}' (expected YYYY-MM-DD)");
            }
        }

        var joinUrl = yaml.String("join_url");
        if (joinUrl is not null && !Uri.TryCreate(joinUrl, UriKind.Absolute, out _))
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf("join_url"), DiagnosticCodes.InvalidValue,
                $"'join_url' is not an absolute URL: '{joinUrl}' (expected e.g. https://meet.example.internal/room)");
            joinUrl = null;
        }

        return new OfficeHours(basics)
        {
            Start = start ?? new LocalDateTime(2000, 1, 1, 0, 0),
            Duration = duration,
            TimeZone = zone,
            Recurrence = recurrence,
            Cancelled = cancelled.Distinct().Order().ToList(),
            Location = yaml.String("location"),
            JoinUrl = joinUrl,
            Host = yaml.String("host"),
            ProductSlug = yaml.String("product"),
        };
    }

    private static Duration ReadDuration(YamlMap yaml, LocalDateTime? start)
    {
        var durationText = yaml.String("duration");
        var end = yaml.DateTime("end");
        if (durationText is not null && end is not null)
        {
            yaml.Diagnostics.Error(yaml.LocationOf("end"), DiagnosticCodes.InvalidValue,
                "both 'end' and 'duration' are given (expected one of them)");
        }

        if (durationText is not null)
        {
            var parsed = DurationText.Parse(durationText);
            if (parsed is null)
            {
                yaml.Diagnostics.Error(yaml.ValueLocationOf("duration"), DiagnosticCodes.InvalidValue,
                    $"'duration' is not a duration: '{durationText}' (expected e.g. 45m, 1h or 1h30m, at most 24h)");
            }

            return parsed ?? Duration.FromHours(1);
        }

        if (end is not null && start is not null)
        {
            var length = Period.Between(start.Value, end.Value, PeriodUnits.Minutes).Minutes;
            if (length <= 0)
            {
                yaml.Diagnostics.Error(yaml.ValueLocationOf("end"), DiagnosticCodes.InvalidValue,
                    "'end' is not after 'start' (expected a later date-time)");
                return Duration.FromHours(1);
            }

            return Duration.FromMinutes(length);
        }

        return Duration.FromHours(1);
    }

    private static ProductStatus? ReadStatus(YamlMap yaml)
    {
        var text = yaml.String("status");
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<ProductStatus>(text.Trim(), ignoreCase: true, out var status) && text.Trim().All(char.IsAsciiLetter))
        {
            return status;
        }

        yaml.Diagnostics.Error(yaml.ValueLocationOf("status"), DiagnosticCodes.InvalidValue,
            $"unknown status '{text}' (expected one of: idea, alpha, beta, ga, deprecated, retired)");
        return null;
    }

    private static void RejectUnknown(YamlMap map, string[] known)
    {
        foreach (var (key, at) in map.UnreadKeys())
        {
            map.Diagnostics.Error(at, DiagnosticCodes.UnknownKey, SiteConfigLoader.UnknownKeyMessage(key, known));
        }
    }
}
