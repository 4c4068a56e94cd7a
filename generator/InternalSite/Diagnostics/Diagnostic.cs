namespace InternalSite.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A position in a source file; lines and columns count from 1.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}({Line},{Column})";
}

/// <summary>
/// One problem found in a site. Printed as <c>file(line,col): error: message</c>, the format of the content contract,
/// so editors and CI logs can jump to the spot.
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Code, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")}: {Message}";
}
