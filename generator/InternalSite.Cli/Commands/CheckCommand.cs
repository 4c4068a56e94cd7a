using System.CommandLine;
using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs;

namespace InternalSite.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Build in memory and report broken links and invalid content; writes nothing")
        {
            CommonOptions.Drafts, CommonOptions.Future,
        };
        command.SetAction(parse =>
        {
            var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
            var options = BuildCommand.Options(parse);
            // check writes nothing: no cards, and the image cache is read but never written.
            options = options with { Images = options.Images with { SocialCards = false, WriteCache = false } };
            var result = Reporting.WithProgress(progress => SiteBuilder.Build(SiteSource.FromDirectory(site), options, new MemoryOutputSink(), progress));
            Reporting.Diagnostics(result.Diagnostics);
            Reporting.Summary(result, "check", null);
            return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        });
        return command;
    }
}
