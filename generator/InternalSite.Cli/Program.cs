using System.CommandLine;
using InternalSite.Cli;
using InternalSite.Cli.Commands;

var root = new RootCommand("InternalSite turns a folder of markdown into a searchable internal product portal.");
root.Options.Add(CommonOptions.Site);
root.Subcommands.Add(BuildCommand.Create());
root.Subcommands.Add(BuildServerCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(NewCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(NewsletterCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
return ExitCodes.Run(root, args);
