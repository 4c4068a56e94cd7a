using InternalSite.Model;
using InternalSite.Outputs.Email;
using InternalSite.Templating;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Template functions that compute from a page in code (its product's title, its events), where read tracking cannot
/// see what they read. A call is recorded as a read of the page's member <c>fn:NAME</c>, fingerprinted by its
/// result, and checked next build by calling the function again on the new page. Outputs that compute such a value
/// in code for a file they emit (the email view of a newsletter) record it the same way, through <see cref="Record"/>.
/// </summary>
internal static class TrackedPageFunctions
{
    public const string Prefix = "fn:";

    /// <summary>The values the newsletter email template reads as <c>email</c> (see <see cref="EmailViewBuilder"/>).</summary>
    public const string EmailView = "email_view";

    private static readonly Dictionary<string, Func<SiteModel, Page, object?>> ByName = new(StringComparer.Ordinal)
    {
        ["feeds_for"] = (_, page) => Subscriptions.FeedsFor(page),
        ["calendars_for"] = (_, page) => Subscriptions.CalendarsFor(page),
        [EmailView] = (site, page) => page is Newsletter newsletter ? EmailViewBuilder.Build(site, newsletter) : null,
    };

    /// <summary>Records that the file being rendered used <paramref name="result"/>, the value of <paramref name="name"/> for <paramref name="page"/>.</summary>
    public static void Record(string name, Page page, object? result)
    {
        if (!ByName.ContainsKey(name))
        {
            throw new ArgumentException($"{name} is not a tracked page function", nameof(name));
        }

        ReadTracker.Current?.Member(page, Prefix + name, result);
    }

    /// <summary>Wraps <paramref name="name"/>'s function so an incremental build records each call.</summary>
    public static Func<Page, T> Tracked<T>(string name, Func<Page, T> function)
    {
        if (!ByName.ContainsKey(name))
        {
            throw new ArgumentException($"{name} is not a tracked page function", nameof(name));
        }

        return page =>
        {
            var result = function(page);
            ReadTracker.Current?.Member(page, Prefix + name, result);
            return result;
        };
    }

    /// <summary>The result of the function a <c>fn:NAME</c> member names, for <paramref name="page"/>; false for other members.</summary>
    public static bool TryCall(SiteModel site, Page page, string member, out object? result)
    {
        result = null;
        if (!member.StartsWith(Prefix, StringComparison.Ordinal) || !ByName.TryGetValue(member[Prefix.Length..], out var function))
        {
            return false;
        }

        result = function(site, page);
        return true;
    }
}
