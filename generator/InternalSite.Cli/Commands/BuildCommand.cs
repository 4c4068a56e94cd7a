using System.CommandLine;
using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Cli.BuildServer;
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

    private static readonly Option<bool> NoServer = new("--no-server")
    {
        Description = "Build in this process, without the build server that keeps the last build in memory (also INTERNALSITE_BUILD_SERVER=0)",
    };

    public static Command Create()
    {
        var command = new Command("build", "Build the site into its output folder; exit 1 with every error listed if the content has errors")
        {
            Output, NoSocialCards, CommonOptions.Drafts, CommonOptions.Future, CommonOptions.BaseUrl, Timings, NoCache, NoServer,
        };
        command.SetAction(parse =>
        {
            var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
            var noCache = parse.GetValue(NoCache);
            var options = Options(parse) with { CacheFolder = noCache ? null : IncrementalState.DefaultFolder(site) };
            options = options with { Images = options.Images with { SocialCards = !parse.GetValue(NoSocialCards) } };
            var outputArg = parse.GetValue(Output);
            var output = outputArg is null ? null : Path.GetFullPath(outputArg);
            var (result, garbageCollection, builtTo) = BuildServerClient.Wanted(noCache, parse.GetValue(NoServer)) && OnServer(site, output, options) is { } served
                ? served
                : (InProcess(site, output, options, replacesCachedOutput: noCache && output is null), null, null);

            Reporting.Diagnostics(result.Diagnostics);
            var shown = output ?? builtTo ?? SiteBuilder.ResolveOutputFolder(site, null);
            Reporting.Summary(result, "build", Path.GetRelativePath(Environment.CurrentDirectory, shown));
            if (parse.GetValue(Timings))
            {
                Reporting.Timings(result.Statistics, garbageCollection);
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        });
        return command;
    }

    private static BuildResult InProcess(string site, string? output, BuildOptions options, bool replacesCachedOutput)
    {
        var cacheFolder = IncrementalState.DefaultFolder(site);
        using var exclusive = SiteBuildLock.Acquire(site, () => Console.Error.WriteLine("Waiting for another build of this site to finish…"));
        var result = Reporting.WithProgress(progress => SiteBuilder.BuildToFolder(site, output, options, progress));
        if (replacesCachedOutput && result.Succeeded)
        {
            // The output the cache describes was just replaced without it; a later build must not trust it.
            CacheFile.Discard(cacheFolder);
        }

        return result;
    }

    /// <summary>Runs the build on the site's build server (starting it if needed); null when it cannot, to build here instead.</summary>
    private static (BuildResult, string?, string?)? OnServer(string site, string? output, BuildOptions options)
    {
        var request = new BuildServerRequest
        {
            Site = site,
            Output = output,
            Drafts = options.Drafts,
            Future = options.Future,
            BaseUrl = options.BaseUrl,
            NowUnixSeconds = options.Now?.ToUnixTimeSeconds(),
            SocialCards = options.Images.SocialCards,
        };
        // The client waits while the server builds: it gets ready to print meanwhile.
        _ = Task.Run(Reporting.WarmUp);
        if (BuildServerClient.Build(request) is not { } served)
        {
            return null;
        }

        if (served.Started)
        {
            Console.WriteLine("Started a build server for this site: it keeps this build in memory to make the next one quick, and stops after 10 idle minutes (build --no-server to build without it).");
        }

        return (served.Response.ToResult(), served.Response.GarbageCollection, served.Response.OutputFolder);
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
