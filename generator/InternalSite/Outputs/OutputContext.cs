using System.Collections.Concurrent;
using System.Text;
using InternalSite.Build;
using InternalSite.Diagnostics;
using InternalSite.Model;
using InternalSite.Templating;

namespace InternalSite.Outputs;

/// <summary>What an output gets: the site model, the theme's templates, the diagnostics bag, and a place to emit files.</summary>
public sealed class OutputContext(SiteModel site, Theme theme, TemplateRenderer templates, BuildOptions options, DiagnosticBag diagnostics, IOutputSink sink)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, string> emitted = new(StringComparer.Ordinal);

    public SiteModel Site { get; } = site;

    public Theme Theme { get; } = theme;

    public TemplateRenderer Templates { get; } = templates;

    public BuildOptions Options { get; } = options;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Every path emitted so far, with the output that emitted it.</summary>
    public IReadOnlyDictionary<string, string> Emitted => emitted;

    public void Emit(string path, string text, string by) => Emit(path, Utf8.GetBytes(text), by);

    /// <summary>Emits a file at <paramref name="path"/> (relative to the output folder, '/'-separated).</summary>
    public void Emit(string path, byte[] bytes, string by)
    {
        if (!emitted.TryAdd(path, by))
        {
            Diagnostics.Error(SourceLocation.StartOf(path), DiagnosticCodes.Output,
                $"two outputs write the file {path}: {emitted[path]} and {by} (expected each file from one output)");
            return;
        }

        sink.Write(path, bytes);
    }

    /// <summary>The file a route is written to: "products/atlas/" → "products/atlas/index.html".</summary>
    public static string FileFor(string route) =>
        route.Length == 0 ? "index.html" : route.EndsWith('/') ? route + "index.html" : route;
}
