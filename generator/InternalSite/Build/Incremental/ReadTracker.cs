using InternalSite.Model;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Records what rendering one output file reads: members of pages and of the site model, and theme templates.
/// Rendering runs on one thread per file, so the recording in progress is per thread; no recording means no cost.
/// </summary>
internal static class ReadTracker
{
    [ThreadStatic]
    private static ReadRecording? current;

    public static ReadRecording? Current => current;

    public static ReadRecording Begin(IncrementalSession session)
    {
        var recording = new ReadRecording(session);
        current = recording;
        return recording;
    }

    public static void End() => current = null;

    /// <summary>A template read <paramref name="member"/> of <paramref name="owner"/>; only pages and the site are recorded.</summary>
    public static void Member(object owner, string member, object? value) => current?.Member(owner, member, value);

    /// <summary>A template was looked up in the theme (to render, include, or test whether a layout exists).</summary>
    public static void Template(string path) => current?.Template(path);

    /// <summary>Code read a content file (e.g. an image's size), by its output path, whether or not it exists.</summary>
    public static void StaticFile(string outputPath) => current?.StaticFile(outputPath);

    /// <summary>The file being rendered depends on something not recorded (e.g. it reported diagnostics): never keep it.</summary>
    public static void Untrackable() => current?.MarkUntrackable();
}

/// <summary>The reads of one file's render.</summary>
internal sealed class ReadRecording(IncrementalSession session)
{
    public HashSet<DependencyKey> Reads { get; } = [];

    /// <summary>False once the render read a page the session cannot find again next build; such a file is always re-rendered.</summary>
    public bool Trackable { get; private set; } = true;

    public void Member(object owner, string member, object? value)
    {
        var ownerKey = owner switch
        {
            SiteModel site when ReferenceEquals(site, session.Site) => DependencyKey.SiteOwner,
            Page page => session.KeyOf(page),
            SiteModel => null,
            _ => string.Empty,
        };
        if (ownerKey is null)
        {
            Trackable = false;
            return;
        }

        if (ownerKey.Length == 0)
        {
            // A member of a nested object (contact, term, section): its holder's read already fingerprints all of it.
            return;
        }

        var key = new DependencyKey(ownerKey, member);
        if (Reads.Add(key))
        {
            session.Remember(key, value);
            if (owner is Page page && PageSourceMembers.IsFromOwnSource(member))
            {
                // Lets the next build check this member through the page's source (see PageSourceMembers).
                var source = new DependencyKey(ownerKey, PageSourceMembers.Member);
                if (Reads.Add(source) && !session.RememberSource(source, page))
                {
                    Reads.Remove(source);
                }
            }
            else if (owner is Page productPage && ProductPagesMembers.ProductOf(productPage, member) is { } slug)
            {
                // Lets the next build check this member through its product's pages (see ProductPagesMembers).
                var pages = ProductPagesMembers.KeyOf(slug);
                if (Reads.Add(pages) && !session.RememberProductPages(pages, slug))
                {
                    Reads.Remove(pages);
                }
            }
        }
    }

    public void MarkUntrackable() => Trackable = false;

    public void StaticFile(string outputPath)
    {
        var key = new DependencyKey(DependencyKey.FileOwner, outputPath);
        if (Reads.Add(key))
        {
            session.RememberStaticFile(key);
        }
    }

    public void Template(string path)
    {
        var key = new DependencyKey(DependencyKey.ThemeOwner, path);
        if (Reads.Add(key))
        {
            session.RememberTemplate(key);
        }
    }
}

/// <summary>
/// One thing an output read: a member of a page ("page:route"), of the site ("site"), a theme file ("theme"), or a
/// content file by its output path ("file").
/// </summary>
internal readonly record struct DependencyKey(string Owner, string Member)
{
    public const string SiteOwner = "site";
    public const string ThemeOwner = "theme";
    public const string FileOwner = "file";
}
