using System.CommandLine;
using InternalSite.Cli.BuildServer;

namespace InternalSite.Cli.Commands;

/// <summary>
/// <c>build-server stop</c> ends the site's build server at once (it also stops by itself when idle);
/// <c>build-server run</c> is how <c>build</c> starts one, and is not meant to be typed.
/// </summary>
internal static class BuildServerCommand
{
    public static Command Create()
    {
        var stop = new Command("stop", "Stop the site's build server now (it stops by itself after 10 idle minutes)");
        stop.SetAction(parse =>
        {
            var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
            Console.WriteLine(BuildServerClient.Stop(site) ? $"Stopped the build server of {site}." : $"No build server runs for {site}.");
            return ExitCodes.Success;
        });

        var run = new Command("run", "Run the site's build server in this process (build starts it when needed)") { Hidden = true };
        run.SetAction(parse => BuildServerHost.Run(Path.GetFullPath(parse.GetValue(CommonOptions.Site)!)));

        return new Command("build-server", "The process that keeps the last build in memory so the next build is quick")
        {
            stop, run,
        };
    }
}
