using System.Collections.Concurrent;
using System.Text;
using InternalSite.Content;
using InternalSite.Diagnostics;
using InternalSite.Model;
using NodaTime;

namespace InternalSite.Build.Incremental;

/// <summary>
/// A page as its front matter parse left it, in bytes, so that <c>build</c> can keep parses in its on-disk cache. Only
/// what the parse sets is written: the page's basics and the fields of its kind. What later stages fill in (HTML,
/// links between pages) is not. The body is not written either: it is the end of the file's text, so its length is
/// enough to cut it from the file again.
/// </summary>
internal static class ParsedPageCodec
{
    private static readonly ConcurrentDictionary<string, DateTimeZone> ZonesById = new(StringComparer.Ordinal);

    private enum PageType : byte
    {
        Plain,
        Product,
        Release,
        Guide,
        Newsletter,
        OfficeHours,
    }

    private enum ParamType : byte
    {
        Null,
        Text,
        List,
        Map,
    }

    public static byte[] Encode(ParsedPage parsed)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(parsed.Body.Length);
            w.Write(parsed.BodyStartLine);
            WriteBasics(w, parsed.Page.Basics);
            WriteKind(w, parsed.Page);
        }

        return stream.ToArray();
    }

    /// <summary>What the front matter parse set of <paramref name="page"/>, as bytes: for fingerprints of outputs made from it.</summary>
    public static byte[] EncodeFields(Page page)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteBasics(w, page.Basics);
            WriteKind(w, page);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The page <paramref name="data"/> describes, for <paramref name="file"/> (the very bytes it was parsed from, whose
    /// hash is <paramref name="sourceHash"/>).
    /// </summary>
    public static ParsedPage Decode(byte[] data, SourceFile file, string sourceHash)
    {
        var r = new PageDataReader(data);
        var bodyLength = r.ReadInt32();
        var bodyStartLine = r.ReadInt32();
        var basics = ReadBasics(r, file.Path);
        var page = ReadKind(r, basics);
        if (bodyLength < 0 || bodyLength > file.Length)
        {
            throw new FormatException("a cached page's body is longer than its file");
        }

        // The file's bytes are the ones the page was parsed from (the parse cache checked their hash), so the body
        // is still its text's last bodyLength characters; cutting it waits until the body is rendered again.
        return new ParsedPage(page, bodyLength, () => BodyOf(file, bodyLength), bodyStartLine) { SourceHash = sourceHash };
    }

    private static string BodyOf(SourceFile file, int bodyLength)
    {
        var text = SourceText.Decode(file, new DiagnosticBag()) ?? throw new InvalidDataException("a cached page's file is no longer text");
        return bodyLength <= text.Length ? text[^bodyLength..] : throw new InvalidDataException("a cached page's body is longer than its file");
    }

    private static void WriteBasics(BinaryWriter w, PageBasics b)
    {
        w.Write(b.SourcePath);
        w.Write((int)b.Kind);
        w.Write(b.Title);
        w.Write(b.Route);
        w.Write(b.Slug);
        WriteNullable(w, b.Summary);
        WriteDate(w, b.Date);
        WriteDate(w, b.Updated);
        w.Write(b.Draft);
        WriteStrings(w, b.Tags);
        WriteStrings(w, b.Audience);
        WriteStrings(w, b.Aliases);
        w.Write(b.Order.HasValue);
        w.Write(b.Order ?? 0);
        WriteNullable(w, b.Image);
        w.Write(b.ImageAt.HasValue);
        if (b.ImageAt is { } at)
        {
            w.Write(at.File);
            w.Write(at.Line);
            w.Write(at.Column);
        }

        WriteNullable(w, b.Layout);
        w.Write(b.Params.Count);
        foreach (var (key, value) in b.Params)
        {
            w.Write(key);
            WriteParam(w, value);
        }
    }

    private static PageBasics ReadBasics(PageDataReader r, string filePath)
    {
        // The page's path is its file's: the file's string is used rather than a copy of it.
        var sourcePath = r.ReadStringBytes();
        return new PageBasics
        {
            SourcePath = Ascii.Equals(sourcePath, filePath) ? filePath : Encoding.UTF8.GetString(sourcePath),
            Kind = (PageKind)r.ReadInt32(),
            Title = r.ReadString(),
            Route = r.ReadString(),
            Slug = r.ReadString(),
            Summary = ReadNullable(r),
            Date = ReadDate(r),
            Updated = ReadDate(r),
            Draft = r.ReadBoolean(),
            Tags = ReadStrings(r),
            Audience = ReadStrings(r),
            Aliases = ReadStrings(r),
            Order = ReadNullableInt(r),
            Image = ReadNullable(r),
            ImageAt = r.ReadBoolean() ? new SourceLocation(r.ReadString(), r.ReadInt32(), r.ReadInt32()) : null,
            Layout = ReadNullable(r),
            Params = ReadParams(r),
        };
    }

    private static Dictionary<string, object?> ReadParams(PageDataReader r)
    {
        var count = r.ReadInt32();
        var parameters = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            parameters[r.ReadString()] = ReadParam(r);
        }

        return parameters;
    }

    private static void WriteKind(BinaryWriter w, Page page)
    {
        switch (page)
        {
            case ProductPage product:
                w.Write((byte)PageType.Product);
                w.Write(product.ProductSlug);
                w.Write(product.Status.HasValue);
                w.Write((int)(product.Status ?? default));
                WriteNullable(w, product.Owner);
                WriteNullable(w, product.Team);
                w.Write(product.Contact is not null);
                if (product.Contact is { } contact)
                {
                    WriteNullable(w, contact.Slack);
                    WriteNullable(w, contact.Email);
                    WriteNullable(w, contact.Url);
                }

                w.Write(product.Links.Count);
                foreach (var link in product.Links)
                {
                    w.Write(link.Title);
                    w.Write(link.Url);
                }

                WriteNullable(w, product.Logo);
                break;
            case ReleaseNote release:
                w.Write((byte)PageType.Release);
                w.Write(release.ProductSlug);
                w.Write(release.Version is not null);
                if (release.Version is { } version)
                {
                    w.Write(version.Major);
                    w.Write(version.Minor);
                    w.Write(version.Patch);
                    WriteNullable(w, version.PreRelease);
                    w.Write(version.Text);
                }

                WriteStrings(w, release.Labels);
                break;
            case GuidePage guide:
                w.Write((byte)PageType.Guide);
                w.Write(guide.ProductSlug);
                WriteStrings(w, guide.SectionPath);
                w.Write(guide.IsSectionIndex);
                break;
            case Newsletter newsletter:
                w.Write((byte)PageType.Newsletter);
                w.Write(newsletter.Subject);
                WriteNullable(w, newsletter.Preheader);
                w.Write(newsletter.Digest);
                break;
            case OfficeHours hours:
                w.Write((byte)PageType.OfficeHours);
                WriteLocalDateTime(w, hours.Start);
                w.Write(hours.Duration.ToInt64Nanoseconds());
                w.Write(hours.TimeZone.Id);
                WriteNullable(w, hours.Recurrence);
                w.Write(hours.Cancelled.Count);
                foreach (var date in hours.Cancelled)
                {
                    WriteLocalDate(w, date);
                }

                WriteNullable(w, hours.Location);
                WriteNullable(w, hours.JoinUrl);
                WriteNullable(w, hours.Host);
                WriteNullable(w, hours.ProductSlug);
                break;
            default:
                if (page.GetType() != typeof(Page))
                {
                    throw new NotSupportedException($"no cache form for a {page.GetType().Name}");
                }

                w.Write((byte)PageType.Plain);
                break;
        }
    }

    private static Page ReadKind(PageDataReader r, PageBasics basics)
    {
        switch ((PageType)r.ReadByte())
        {
            case PageType.Plain:
                return new Page(basics);
            case PageType.Product:
                return new ProductPage(basics)
                {
                    ProductSlug = r.ReadString(),
                    Status = r.ReadBoolean() ? (ProductStatus)r.ReadInt32() : SkipInt(r),
                    Owner = ReadNullable(r),
                    Team = ReadNullable(r),
                    Contact = r.ReadBoolean() ? new Contact(ReadNullable(r), ReadNullable(r), ReadNullable(r)) : null,
                    Links = ReadList(r, () => new ProductLink(r.ReadString(), r.ReadString())),
                    Logo = ReadNullable(r),
                };
            case PageType.Release:
                return new ReleaseNote(basics)
                {
                    ProductSlug = r.ReadString(),
                    Version = r.ReadBoolean() ? new SemanticVersion(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), ReadNullable(r), r.ReadString()) : null,
                    Labels = ReadStrings(r),
                };
            case PageType.Guide:
                return new GuidePage(basics)
                {
                    ProductSlug = r.ReadString(),
                    SectionPath = ReadStrings(r),
                    IsSectionIndex = r.ReadBoolean(),
                };
            case PageType.Newsletter:
                return new Newsletter(basics)
                {
                    Subject = r.ReadString(),
                    Preheader = ReadNullable(r),
                    Digest = r.ReadBoolean(),
                };
            case PageType.OfficeHours:
                return new OfficeHours(basics)
                {
                    Start = ReadLocalDateTime(r),
                    Duration = Duration.FromNanoseconds(r.ReadInt64()),
                    TimeZone = ReadZone(r),
                    Recurrence = ReadNullable(r),
                    Cancelled = ReadList(r, () => ReadLocalDate(r)),
                    Location = ReadNullable(r),
                    JoinUrl = ReadNullable(r),
                    Host = ReadNullable(r),
                    ProductSlug = ReadNullable(r),
                };
            default:
                throw new FormatException("unknown page type in the cache");
        }
    }

    private static ProductStatus? SkipInt(PageDataReader r)
    {
        r.ReadInt32();
        return null;
    }

    private static void WriteParam(BinaryWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.Write((byte)ParamType.Null);
                break;
            case string text:
                w.Write((byte)ParamType.Text);
                w.Write(text);
                break;
            case List<object?> list:
                w.Write((byte)ParamType.List);
                w.Write(list.Count);
                foreach (var item in list)
                {
                    WriteParam(w, item);
                }

                break;
            case Dictionary<string, object?> map:
                w.Write((byte)ParamType.Map);
                w.Write(map.Count);
                foreach (var (key, item) in map)
                {
                    w.Write(key);
                    WriteParam(w, item);
                }

                break;
            default:
                throw new NotSupportedException($"no cache form for a front matter value of type {value.GetType().Name}");
        }
    }

    private static object? ReadParam(PageDataReader r)
    {
        switch ((ParamType)r.ReadByte())
        {
            case ParamType.Null:
                return null;
            case ParamType.Text:
                return r.ReadString();
            case ParamType.List:
                return ReadList(r, () => ReadParam(r));
            case ParamType.Map:
                var count = r.ReadInt32();
                var map = new Dictionary<string, object?>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    map[r.ReadString()] = ReadParam(r);
                }

                return map;
            default:
                throw new FormatException("unknown front matter value type in the cache");
        }
    }

    // A zoned date is its instant and its zone: the local time and offset follow from them.
    private static void WriteDate(BinaryWriter w, ZonedDateTime? date)
    {
        w.Write(date.HasValue);
        if (date is { } d)
        {
            w.Write(d.ToInstant().ToUnixTimeTicks());
            w.Write(d.Zone.Id);
        }
    }

    private static ZonedDateTime? ReadDate(PageDataReader r) =>
        r.ReadBoolean() ? Instant.FromUnixTimeTicks(r.ReadInt64()).InZone(ReadZone(r)) : null;

    /// <summary>A time zone by its id, without making a string of the id each time: a site has a handful of zones and thousands of dates.</summary>
    private static DateTimeZone ReadZone(PageDataReader r)
    {
        var utf8 = r.ReadStringBytes();
        var byId = ZonesById.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> id = stackalloc char[128];
        if (utf8.Length <= id.Length && byId.TryGetValue(id[..Encoding.UTF8.GetChars(utf8, id)], out var known))
        {
            return known;
        }

        var name = Encoding.UTF8.GetString(utf8);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) ?? throw new FormatException($"unknown time zone '{name}' in the cache");
        ZonesById.TryAdd(name, zone);
        return zone;
    }

    private static void WriteLocalDate(BinaryWriter w, LocalDate date)
    {
        w.Write(date.Year);
        w.Write(date.Month);
        w.Write(date.Day);
    }

    private static LocalDate ReadLocalDate(PageDataReader r) => new(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());

    private static void WriteLocalDateTime(BinaryWriter w, LocalDateTime value)
    {
        WriteLocalDate(w, value.Date);
        w.Write(value.TimeOfDay.NanosecondOfDay);
    }

    private static LocalDateTime ReadLocalDateTime(PageDataReader r) =>
        ReadLocalDate(r) + LocalTime.FromNanosecondsSinceMidnight(r.ReadInt64());

    private static void WriteNullable(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadNullable(PageDataReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static int? ReadNullableInt(PageDataReader r)
    {
        var has = r.ReadBoolean();
        var value = r.ReadInt32();
        return has ? value : null;
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            w.Write(item);
        }
    }

    private static List<string> ReadStrings(PageDataReader r) => ReadList(r, r.ReadString);

    private static List<T> ReadList<T>(PageDataReader r, Func<T> read)
    {
        var count = r.ReadInt32();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }

        return items;
    }
}
