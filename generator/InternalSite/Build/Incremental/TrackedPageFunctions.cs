using InternalSite.Model;
using InternalSite.Templating;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Template functions that compute from a page in code (its product's title, its events), where read tracking cannot
/// see what they read. A call is recorded as a read of the page's member <c>fn:NAME</c>, fingerprinted by its
/// result, and checked next build by calling the function again on the new page.
/// </summary>
internal static class TrackedPageFunctions
{
    public const string Prefix = "fn:";

    private static readonly Dictionary<string, Func<Page, object?>> ByName = new(StringComparer.Ordinal)
    {
        ["feeds_for"] = Subscriptions.FeedsFor,
        ["calendars_for"] = Subscriptions.CalendarsFor,
    };

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
    public static bool TryCall(Page page, string member, out object? result)
    {
        result = null;
        if (!member.StartsWith(Prefix, StringComparison.Ordinal) || !ByName.TryGetValue(member[Prefix.Length..], out var function))
        {
            return false;
        }

        result = function(page);
        return true;
    }
}
