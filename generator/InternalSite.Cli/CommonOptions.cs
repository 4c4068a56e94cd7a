using System.CommandLine;

namespace InternalSite.Cli;

internal static class CommonOptions
{
    public static readonly Option<string> Site = new("--site")
    {
        Description = "The site folder (holding site.config.yml and content/)",
        DefaultValueFactory = _ => ".",
        Recursive = true,
    };

    public static readonly Option<bool> Drafts = new("--drafts") { Description = "Publish pages marked draft: true" };

    public static readonly Option<bool> Future = new("--future") { Description = "Publish pages dated in the future" };

    public static readonly Option<string?> BaseUrl = new("--base-url") { Description = "Use this base URL instead of the config's baseUrl" };
}
