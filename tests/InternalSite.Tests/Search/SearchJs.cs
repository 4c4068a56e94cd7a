using System.Diagnostics;
using System.Text.Json;
using InternalSite.Outputs;

namespace InternalSite.Tests.Search;

/// <summary>One query's answer from search.js: how many results, the top ones, and the index files it fetched.</summary>
public sealed record JsAnswer(string Query, int Total, IReadOnlyList<JsResult> Top, IReadOnlyList<string> Loaded);

public sealed record JsResult(string Title, string Url, string Excerpt);

/// <summary>
/// Runs the theme's search.js, as the build emitted it, under node against a built site written to a temporary
/// folder (search-runner.js stands in for the browser's fetch). The JS is what users run, so the JS is what is tested.
/// </summary>
public static class SearchJs
{
    public static string SourceFolder { get; } = FindSourceFolder();

    public static IReadOnlyList<JsAnswer> Run(MemoryOutputSink output, string basePath, params string[] queries)
    {
        var folder = Path.Combine(Path.GetTempPath(), "internalsite-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, bytes) in output.Files)
            {
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }

            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(SourceFolder, "search-runner.js"));
            start.ArgumentList.Add(Path.Combine(folder, "assets", "js", "search.js"));
            start.ArgumentList.Add(folder);
            start.ArgumentList.Add(basePath);
            foreach (var query in queries)
            {
                start.ArgumentList.Add(query);
            }

            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Assert.True(node.ExitCode == 0, "search.js failed under node: " + stderr);
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<JsAnswer>(line, options)!).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FindSourceFolder() => Path.Combine(Support.RepositoryRoot.Path, "tests", "InternalSite.Tests", "Search");
}
