using System.CommandLine;

namespace InternalSite.Cli;

/// <summary>0: done; 1: the content has errors (all listed); 2: the command line itself was wrong.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"internalsite: {error.Message}");
            }

            Console.Error.WriteLine("Run 'internalsite --help' for the commands and their options.");
            return Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
            if (cause is InternalSite.Content.SourceChangedException changed)
            {
                // Not a bug: a file was saved while the build read the site; nothing was written, and building again works.
                Console.Error.WriteLine($"internalsite: {changed.Message}");
                return ContentErrors;
            }

            // A bug of the tool: say what happened in one line; a stack trace helps nobody who writes release notes.
            Console.Error.WriteLine($"internalsite: internal error: {cause.GetType().Name}: {cause.Message}");
            return ContentErrors;
        }
    }
}
