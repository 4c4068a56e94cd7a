using InternalSite.Model;

namespace InternalSite.Content;

/// <summary>
/// A page whose front matter has been read; its markdown body waits to be rendered once every route is known. A page
/// restored from the build cache cuts its body from its file's text only if the body is rendered again.
/// </summary>
public sealed record ParsedPage(Page Page, int BodyStartLine)
{
    // Shared by copies made with `with`, so a body cut once is cut for all of them.
    private readonly PageBody body = PageBody.Empty;

    public ParsedPage(Page page, string body, int bodyStartLine)
        : this(page, bodyStartLine)
    {
        this.body = new PageBody(body);
    }

    /// <summary>A page whose body, <paramref name="bodyLength"/> characters long, <paramref name="cut"/> makes when first read.</summary>
    internal ParsedPage(Page page, int bodyLength, Func<string> cut, int bodyStartLine)
        : this(page, bodyStartLine)
    {
        body = new PageBody(bodyLength, cut);
    }

    public string Body => body.Text;

    /// <summary>What the page's place under <c>content/</c> says about it (worked out when asked: restoring a cached page does not need it).</summary>
    public ContentLocation Location => ContentLocation.Of(Page.SourcePath);

    public int BodyLength => body.Length;

    /// <summary>Whether the body is there yet (a page restored from the cache cuts it from its file when first read).</summary>
    internal bool IsBodyCut => body.IsCut;

    /// <summary>
    /// A hash of the file the page was read from, when known (the build cache knows it): the body is a function of
    /// those bytes alone, so the hash can stand for the body in cache keys without reading the body.
    /// </summary>
    internal string? SourceHash { get; init; }

    private sealed class PageBody
    {
        public static readonly PageBody Empty = new(string.Empty);

        private readonly Func<string>? cut;
        private string? text;

        public PageBody(string text)
        {
            this.text = text;
            Length = text.Length;
        }

        public PageBody(int length, Func<string> cut)
        {
            Length = length;
            this.cut = cut;
        }

        public int Length { get; }

        public bool IsCut => Volatile.Read(ref text) is not null;

        public string Text => Volatile.Read(ref text) ?? Interlocked.CompareExchange(ref text, cut!(), null) ?? text!;
    }
}
