using System.CommandLine;
using InternalSite.Build;
using InternalSite.Build.Incremental;
using NodaTime;

namespace InternalSite.Cli.Commands;

internal static class BuildCommand
{
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "The output folder (default: the config's output, _site)" };

    private static readonly Option<bool> Timings = new("--timings") { Description = "Show how long each stage of the build took" };

    private static readonly Option<bool> NoSocialCards = new("--no-social-cards") { Description = "Do not draw a social card (og:image) for every page" };

    private static readonly Option<bool> NoCache = new("--no-cache")
    {
        Description = "Build everything from scratch, without the incremental cache in <site>/.internalsite-cache/",
    };

    public static Command Create()
    {
        var command = new Command("build", "Build the site into its output folder; exit 1 with every error listed if the content has errors")
        {
            Output, NoSocialCards, CommonOptions.Drafts, CommonOptions.Future, CommonOptions.BaseUrl, Timings, NoCache,
        };
        command.SetAction(parse =>
        {
            var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
            var options = Options(parse) with { CacheFolder = parse.GetValue(NoCache) ? null : IncrementalState.DefaultFolder(site) };
            options = options with { Images = options.Images with { SocialCards = !parse.GetValue(NoSocialCards) } };
            var outputArg = parse.GetValue(Output);
            var output = outputArg is null ? null : Path.GetFullPath(outputArg);
            var result = Reporting.WithProgress(progress => SiteBuilder.BuildToFolder(site, output, options, progress));
            Reporting.Diagnostics(result.Diagnostics);
            var shown = output ?? SiteBuilder.ResolveOutputFolder(site, null);
            Reporting.Summary(result, "build", Path.GetRelativePath(Environment.CurrentDirectory, shown));
            if (parse.GetValue(Timings))
            {
                Reporting.Timings(result.Statistics);
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        });
        return command;
    }

    internal static BuildOptions Options(ParseResult parse) => new()
    {
        Drafts = parse.GetValue(CommonOptions.Drafts),
        Future = parse.GetValue(CommonOptions.Future),
        BaseUrl = parse.GetValue(CommonOptions.BaseUrl),
        Now = ReproducibleNow(),
    };

    /// <summary>Honours SOURCE_DATE_EPOCH, the reproducible-builds convention, as the build's "now".</summary>
    private static Instant? ReproducibleNow() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var seconds)
            ? Instant.FromUnixTimeSeconds(seconds)
            : null;
}
