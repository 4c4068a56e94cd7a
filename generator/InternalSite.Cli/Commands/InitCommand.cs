using System.CommandLine;
using InternalSite.Scaffolding;

namespace InternalSite.Cli.Commands;

internal static class InitCommand
{
    private static readonly Argument<string> Directory = new("dir") { Description = "The folder of the new site" };

    private static readonly Option<string> Title = new("--title") { Description = "The portal's name", DefaultValueFactory = _ => "Internal Tools" };

    public static Command Create()
    {
        var command = new Command("init", "Write a new site: config, one product with a release note and a guide, ready to build")
        {
            Directory, Title,
        };
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(Directory)!);
            if (File.Exists(Path.Combine(root, "site.config.yml")))
            {
                Console.Error.WriteLine($"internalsite: {root} already holds a site (site.config.yml exists); nothing was written");
                return ExitCodes.ContentErrors;
            }

            foreach (var (path, text) in SiteScaffold.Files(parse.GetValue(Title)!))
            {
                var full = Path.Combine(root, path);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
                Console.WriteLine($"wrote {path}");
            }

            Console.WriteLine($"Next: internalsite build --site {Path.GetRelativePath(Environment.CurrentDirectory, root)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
