using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InternalSite.Templating;

/// <summary>
/// Scriban's <c>include</c> for the theme. A partial's markup is the theme's own, so it is never escaped again.
/// Where the include stands alone as a statement (<c>{{ include 'partials/header.html' }}</c>, as themes use it),
/// the partial is evaluated straight into the output being written: Scriban's own include renders it into a fresh
/// buffer, makes a string of it and copies that into the page, which on a large site cost a tenth of page rendering.
/// Anywhere else (its value assigned or piped) the partial's text is the value, as in Scriban. The theme's loader
/// puts every partial it finds in the context's cache of parsed templates, so that is where it is looked up.
/// </summary>
internal sealed class HtmlIncludeFunction(PartialMemo? memo = null) : IScriptCustomFunction
{
    private readonly IncludeFunction inner = new();

    public int RequiredParameterCount => inner.RequiredParameterCount;

    public int ParameterCount => inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => inner.VarParamKind;

    public Type ReturnType => typeof(HtmlString);

    public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (callerContext is { Parent: ScriptExpressionStatement } && arguments.Count == 1 && arguments[0] is string name
            && context.TemplateLoader?.GetPath(context, callerContext.Span, name) is { } path
            && context.CachedTemplates.TryGetValue(path, out var partial) && partial is { SourceFilePath: { } file, Page: { } body })
        {
            // While an incremental build records what a page reads, every partial runs as written, so its reads are seen.
            if (memo is null || Build.Incremental.ReadTracker.Current is not null
                || !memo.TryWrite(context, path, body, () => WriteInPlace(context, callerContext, file, body)))
            {
                WriteInPlace(context, callerContext, file, body);
            }

            return null;
        }

        return new HtmlString(inner.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? string.Empty);
    }

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new HtmlString((await inner.InvokeAsync(context, callerContext, arguments, blockStatement))?.ToString() ?? string.Empty);

    private static void WriteInPlace(TemplateContext context, ScriptNode callerContext, string file, ScriptPage body)
    {
        // What Scriban's include sets up around a partial, minus the separate output: its own local scope with no
        // arguments ($ is empty), the recursion limit, and the partial's file as the current source file.
        context.EnterRecursive(callerContext);
        context.PushLocal();
        context.PushSourceFile(file);
        try
        {
            context.SetValue(ScriptVariable.Arguments, new ScriptArray(0), true);
            context.Evaluate(body);
        }
        finally
        {
            context.PopSourceFile();
            context.PopLocal();
        }

        context.ExitRecursive(callerContext);
    }
}
