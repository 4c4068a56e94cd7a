using System.CommandLine;
using InternalSite.Scaffolding;
using NodaTime;

namespace InternalSite.Cli.Commands;

internal static class NewCommand
{
    private static readonly Argument<string> Kind = new("kind") { Description = "product, release, guide, newsletter, event or page" };

    private static readonly Argument<string[]> Rest = new("product-and-title")
    {
        Description = "The product (for a release, a guide or an event) and the title, e.g. atlas \"Atlas 2.5.0\"",
        Arity = new ArgumentArity(1, 2),
    };

    public static Command Create()
    {
        var command = new Command("new", "Write a new page with the front matter of its kind") { Kind, Rest };
        command.SetAction(parse =>
        {
            var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
            var kind = parse.GetValue(Kind)!;
            var rest = parse.GetValue(Rest)!;
            var (product, title) = rest.Length == 2 ? (rest[0], rest[1]) : (null, rest[0]);
            var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
            var (page, error) = PageScaffold.Create(kind, product, title, today);
            if (page is null)
            {
                Console.Error.WriteLine($"internalsite: {error}");
                return ExitCodes.Usage;
            }

            var path = Path.Combine(site, page.RelativePath);
            if (File.Exists(path))
            {
                Console.Error.WriteLine($"{page.RelativePath}(1,1): error: the file already exists (expected a new title, or edit the existing page)");
                return ExitCodes.ContentErrors;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, page.Text);
            Console.WriteLine($"wrote {page.RelativePath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
