using System.Globalization;
using InternalSite.Config;
using InternalSite.Model;

namespace InternalSite.Build.Incremental;

/// <summary>The keys that, when they change, invalidate every cached output of a build.</summary>
internal static class IncrementalKeys
{
    public static string Config(SiteConfig config) => ValueFingerprint.Of(config);

    /// <summary>
    /// Tool version, config, options, the build's date (templates ask <c>is_recent</c>) and which pages exist. Adding,
    /// removing or renaming a page re-renders every output: template functions read the set of pages directly, where
    /// the read tracking cannot see it.
    /// </summary>
    public static string Global(SiteModel site, BuildOptions options) => StableHash.Of(
    [
        StableHash.ToolVersion,
        Config(site.Config),
        options.Drafts ? "drafts" : "-",
        options.Future ? "future" : "-",
        options.BaseUrl,
        site.BuildTime.InZone(site.Config.TimeZone).Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        .. site.AllPages.Select(p => p.KindName + " " + p.Route).Order(StringComparer.Ordinal),
    ]);
}
