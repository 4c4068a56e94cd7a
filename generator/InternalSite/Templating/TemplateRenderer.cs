using System.Collections.Concurrent;
using System.Text;
using InternalSite.Diagnostics;
using InternalSite.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InternalSite.Templating;

/// <summary>
/// Renders pages through the theme's Scriban layouts: <c>layouts/&lt;layout&gt;.html</c> draws the page's main
/// content and <c>layouts/base.html</c> wraps it in the document. Templates are parsed once and shared by all threads;
/// every error names the template file and line.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly Theme theme;
    private readonly DiagnosticBag diagnostics;
    private readonly ScriptObject globals;
    private readonly ConcurrentDictionary<string, Lazy<Template?>> templates = new(StringComparer.Ordinal);
    private readonly ThemeTemplateLoader loader;
    private readonly ThreadLocal<TemplateContext> contexts;
    private readonly ConcurrentDictionary<(SourceLocation At, string Message), string> runtimeErrors = new();

    public TemplateRenderer(Theme theme, SiteModel site, DiagnosticBag diagnostics)
    {
        this.theme = theme;
        this.diagnostics = diagnostics;
        Site = site;
        loader = new ThemeTemplateLoader(this);
        var builtins = new Scriban.Functions.BuiltinFunctions();
        builtins.Remove("include");
        var functions = TemplateFunctions.Create(site);
        globals = new ScriptObject();
        var memo = new PartialMemo(globals, functions.Keys.ToHashSet(StringComparer.Ordinal), path => ParsedQuietly(IncludePath(path)));
        builtins.SetValue("include", new HtmlIncludeFunction(memo), readOnly: true);
        globals.Import(builtins);
        globals.Import(functions);
        globals["site"] = site;
        globals["config"] = site.Config;
        contexts = new ThreadLocal<TemplateContext>(NewContext);
    }

    public SiteModel Site { get; }

    public bool Exists(string templatePath)
    {
        Build.Incremental.ReadTracker.Template(templatePath);
        return theme.Find(templatePath) is not null;
    }

    /// <summary>The layout a page is drawn with: its own <c>layout:</c>, else the one named after its kind.</summary>
    public string LayoutFor(Page page)
    {
        foreach (var candidate in new[] { page.Layout, page.Kind == PageKind.Generated ? null : page.KindName, "page" })
        {
            if (candidate is not null && Exists($"layouts/{candidate}.html"))
            {
                return candidate;
            }
        }

        return "page";
    }

    /// <summary>Renders a whole HTML document for <paramref name="page"/>; null (with a diagnostic) when a template fails.</summary>
    public string? RenderPage(Page page, IReadOnlyDictionary<string, object?>? extra = null) =>
        RenderDocument(page, extra, static text => text.ToString());

    /// <summary>
    /// <see cref="RenderPage"/> as UTF-8 bytes, encoded straight from the render buffer: the document is not made a
    /// string first (on a large site, every page's text was allocated twice more, as a string and as its bytes).
    /// </summary>
    public byte[]? RenderPageUtf8(Page page, IReadOnlyDictionary<string, object?>? extra = null) =>
        RenderDocument(page, extra, Utf8Text.Encode);

    private T? RenderDocument<T>(Page page, IReadOnlyDictionary<string, object?>? extra, Func<StringBuilder, T> take)
        where T : class
    {
        var layout = LayoutFor(page);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["page"] = page, ["layout"] = layout };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                variables[key] = value;
            }
        }

        var main = Render($"layouts/{layout}.html", variables, page.SourceStart);
        if (main is null)
        {
            return null;
        }

        variables["content"] = new HtmlString(main);
        return Render("layouts/base.html", variables, page.SourceStart, take);
    }

    /// <summary>Renders one template with the site's globals and <paramref name="variables"/>.</summary>
    public string? Render(string templatePath, IReadOnlyDictionary<string, object?> variables, SourceLocation? forPage = null) =>
        Render(templatePath, variables, forPage, static text => text.ToString());

    /// <summary>
    /// Renders one template into this thread's output buffer and hands the buffer to <paramref name="take"/>, which
    /// makes the result of it; the buffer is then emptied for the next render.
    /// </summary>
    private T? Render<T>(string templatePath, IReadOnlyDictionary<string, object?> variables, SourceLocation? forPage, Func<StringBuilder, T> take)
        where T : class
    {
        var template = Get(templatePath);
        if (template is null)
        {
            return null;
        }

        // A context per thread, reused page after page: creating one costs more than rendering a small page.
        var context = contexts.Value!;
        var local = new ScriptObject();
        foreach (var (key, value) in variables)
        {
            local[key] = value;
        }

        context.PushGlobal(local);
        var output = ((StringBuilderOutput)context.Output).Builder;
        try
        {
            Evaluate(template, context);
            return take(output);
        }
        catch (ScriptRuntimeException e)
        {
            // A failed render may leave loops or captures open: this thread starts over with a fresh context.
            contexts.Value = NewContext();

            // One broken template fails every page that uses it: it is reported once (by ReportRuntimeErrors), naming
            // the first failing page by path, not by which thread got there first, so the report is the same every build.
            var page = forPage is { File.Length: > 0 } p ? p.File : string.Empty;
            runtimeErrors.AddOrUpdate((Locate(e.Span), e.OriginalMessage), page,
                (_, seen) => seen.Length == 0 || (page.Length > 0 && string.CompareOrdinal(page, seen) < 0) ? page : seen);
            return null;
        }
        finally
        {
            output.Clear();
            if (ReferenceEquals(contexts.Value, context))
            {
                context.PopGlobal();
            }
        }
    }

    /// <summary>
    /// What <see cref="Template.Render(TemplateContext)"/> does before it makes a string of the output: evaluates the
    /// page in its source file, writing the page's own value, if it has one, after its text.
    /// </summary>
    private static void Evaluate(Template template, TemplateContext context)
    {
        if (template.SourceFilePath is { } file)
        {
            context.PushSourceFile(file);
        }

        try
        {
            if (template.Page is { } page && context.Evaluate(page) is { } result && context.EnableOutput)
            {
                context.Write(page.Span, result);
            }
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                context.PopSourceFile();
            }
        }
    }

    /// <summary>Reports each template that failed while rendering, once; call after every output has rendered.</summary>
    public void ReportRuntimeErrors()
    {
        foreach (var ((at, message), page) in runtimeErrors)
        {
            var suffix = page.Length > 0 ? $" (first seen rendering {page})" : string.Empty;
            diagnostics.Error(at, DiagnosticCodes.Template, $"template error: {message}{suffix}");
        }

        runtimeErrors.Clear();
    }

    internal Template? Get(string templatePath)
    {
        Build.Incremental.ReadTracker.Template(templatePath);
        return templates.GetOrAdd(templatePath, path => new Lazy<Template?>(() => Parse(path))).Value;
    }

    /// <summary>
    /// A partial's syntax for <see cref="PartialShape"/>, without reporting anything: an include in a branch that never
    /// runs must not turn a missing or broken partial into an error.
    /// </summary>
    private ScriptPage? ParsedQuietly(string path)
    {
        if (templates.TryGetValue(path, out var parsed) && parsed.IsValueCreated)
        {
            return parsed.Value?.Page;
        }

        if (theme.Find(path) is not { } found)
        {
            return null;
        }

        var template = Template.Parse(Encoding.UTF8.GetString(found.Bytes), path);
        return template.HasErrors ? null : template.Page;
    }

    /// <summary>The theme path an include names: "partials/x.html" is "layouts/partials/x.html".</summary>
    private static string IncludePath(string templateName) =>
        templateName.StartsWith("layouts/", StringComparison.Ordinal) ? templateName : "layouts/" + templateName;

    private TemplateContext NewContext()
    {
        var context = new EscapingTemplateContext(globals)
        {
            TemplateLoader = loader,
            LoopLimit = 1_000_000,
            RecursiveLimit = 64,

            // Scriban cuts any text it turns into a string at 1 MB by default, with "..." and no error; a changelog of
            // every release of a large portal is longer than that, and must be whole.
            LimitToString = 0,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
        };
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        return context;
    }

    private Template? Parse(string path)
    {
        var found = theme.Find(path);
        if (found is null)
        {
            diagnostics.Error(SourceLocation.StartOf($"themes/{path}"), DiagnosticCodes.Template,
                $"the theme has no template '{path}' (expected it in one of: {string.Join(", ", theme.Layers.Select(l => l.DisplayRoot))})");
            return null;
        }

        var (layer, bytes) = found.Value;
        var displayPath = layer.DisplayRoot + path;
        var template = Template.Parse(Encoding.UTF8.GetString(bytes), displayPath);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                diagnostics.Error(Locate(message.Span), DiagnosticCodes.Template, $"template error: {message.Message}");
            }

            return null;
        }

        return template;
    }

    private static SourceLocation Locate(SourceSpan span) =>
        new(span.FileName ?? "template", span.Start.Line + 1, span.Start.Column + 1);

    /// <summary>Resolves <c>include "partials/x.html"</c> against the theme chain, sharing parsed templates.</summary>
    private sealed class ThemeTemplateLoader(TemplateRenderer renderer) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var path = IncludePath(templateName);

            // Scriban looks in its per-render cache before loading: handing it the shared parsed template here means
            // an include is parsed once per build, not once per page.
            // The include is recorded on every use, even when this thread's context already holds it, so an
            // incremental build knows every page that depends on the partial.
            Build.Incremental.ReadTracker.Template(path);
            if (!context.CachedTemplates.ContainsKey(path) && renderer.Get(path) is { } parsed)
            {
                context.CachedTemplates[path] = parsed;
            }

            return path;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, $"the theme has no template '{templatePath}', or it has errors");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
