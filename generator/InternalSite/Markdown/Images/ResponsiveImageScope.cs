namespace InternalSite.Markdown.Images;

/// <summary>
/// The images known to the build that is rendering markdown right now. Markdig builds one shared pipeline and a fresh
/// renderer per page through extensions that cannot take per-build arguments, so the build sets its catalog here
/// around the markdown stage; it flows into the parallel page renders with the execution context and is gone after.
/// Outside a scope images are still rendered lazy and async, just without srcset or size.
/// </summary>
public static class ResponsiveImageScope
{
    private static readonly AsyncLocal<IResponsiveImageSource?> CurrentSource = new();

    public static IResponsiveImageSource? Current => CurrentSource.Value;

    public static IDisposable Use(IResponsiveImageSource source)
    {
        var previous = CurrentSource.Value;
        CurrentSource.Value = source;
        return new Restore(previous);
    }

    private sealed class Restore(IResponsiveImageSource? previous) : IDisposable
    {
        public void Dispose() => CurrentSource.Value = previous;
    }
}
