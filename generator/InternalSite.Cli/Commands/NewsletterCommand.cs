using System.CommandLine;
using InternalSite.Content;
using InternalSite.Outputs.Email;

namespace InternalSite.Cli.Commands;

/// <summary><c>newsletter export &lt;slug&gt; [--out DIR]</c> or <c>--all</c>: writes &lt;slug&gt;.eml, .html and .txt.</summary>
internal static class NewsletterCommand
{
    private static readonly Argument<string?> Slug = new("slug")
    {
        Description = "The newsletter to export: its file name under content/newsletters/ without .md (or its slug:)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<bool> All = new("--all") { Description = "Export every published newsletter" };

    private static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "The folder to write the files to (default: the current folder)",
        DefaultValueFactory = _ => ".",
    };

    public static Command Create()
    {
        var export = new Command("export", "Write a newsletter as <slug>.eml (ready to send), <slug>.html and <slug>.txt")
        {
            Slug, All, Out, CommonOptions.Drafts, CommonOptions.Future, CommonOptions.BaseUrl,
        };
        export.SetAction(Export);
        return new Command("newsletter", "Newsletter tools") { export };
    }

    private static int Export(ParseResult parse)
    {
        var slug = parse.GetValue(Slug);
        var all = parse.GetValue(All);
        if ((slug is null) == !all)
        {
            Console.Error.WriteLine(slug is null
                ? "internalsite: name the newsletter to export, or pass --all (e.g. 'internalsite newsletter export 2026-11')"
                : "internalsite: give either a newsletter slug or --all, not both");
            return ExitCodes.Usage;
        }

        var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
        var outFolder = Path.GetFullPath(parse.GetValue(Out)!);
        var options = BuildCommand.Options(parse);
        var result = NewsletterExporter.Export(SiteSource.FromDirectory(site), options, all ? null : [slug!]);
        Reporting.Diagnostics(result.Diagnostics);
        if (!result.Build.Succeeded)
        {
            Console.Error.WriteLine($"internalsite: export failed: {result.Build.Errors.Count()} error(s); no file was written");
            return ExitCodes.ContentErrors;
        }

        if (result.UnknownSlugs.Count > 0)
        {
            var available = result.AvailableSlugs.Count == 0 ? "none: the site has no published newsletter" : string.Join(", ", result.AvailableSlugs);
            Console.Error.WriteLine($"internalsite: no newsletter '{string.Join("', '", result.UnknownSlugs)}' (available: {available})");
            if (!options.Drafts || !options.Future)
            {
                Console.Error.WriteLine("A draft or a newsletter dated in the future is exported with --drafts or --future.");
            }

            return ExitCodes.Usage;
        }

        Directory.CreateDirectory(outFolder);
        foreach (var newsletter in result.Newsletters)
        {
            var stem = Path.Combine(outFolder, newsletter.Slug);
            File.WriteAllBytes(stem + ".eml", newsletter.Eml);
            File.WriteAllText(stem + ".html", newsletter.Html);
            File.WriteAllText(stem + ".txt", newsletter.Text);
            Console.WriteLine($"{Path.GetRelativePath(Environment.CurrentDirectory, stem)}.eml, .html, .txt");
        }

        if (result.Newsletters.Count == 0)
        {
            Console.WriteLine("The site has no published newsletter: nothing to export.");
        }

        return ExitCodes.Success;
    }
}
