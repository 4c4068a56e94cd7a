using System.Collections.Concurrent;

namespace InternalSite.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage, from many threads. Nothing that reads content throws on bad content:
/// it reports here and carries on, so one bad page never hides the problems of the others.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> items = new();

    public void Error(SourceLocation at, string code, string message) =>
        items.Enqueue(new Diagnostic(Severity.Error, at, code, message));

    public void Warning(SourceLocation at, string code, string message) =>
        items.Enqueue(new Diagnostic(Severity.Warning, at, code, message));

    public void Add(Diagnostic diagnostic) => items.Enqueue(diagnostic);

    public bool HasErrors => items.Any(d => d.IsError);

    public int ErrorCount => items.Count(d => d.IsError);

    public int Count => items.Count;

    /// <summary>Every diagnostic in a stable order (file, line, column, message), whatever thread reported it.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        items.Distinct()
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
