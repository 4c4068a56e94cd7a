using System.Collections.Concurrent;
using InternalSite.Build.Incremental;
using InternalSite.Model;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// A feed item's key from sources alone: an entry is made from its page's fields and body, its product's title, slug,
/// owner and route (for a release), and the site's address. Null when a page is not shown whole from its own source,
/// or is a digest newsletter (whose body lists other pages): its entry is then keyed by what it holds.
/// </summary>
/// <remarks>
/// Every item of every feed is keyed on every build. Within one process (<c>serve</c>) an unchanged page keeps its
/// parsed fields (<see cref="Page.Basics"/>, the very object) and its markdown cache entry, so its key is remembered
/// with those objects and the product's, and given again while all of them are the same: no hashing for the pages
/// an edit did not touch.
/// </remarks>
internal sealed class FeedSourceKeys(IncrementalSession incremental, string siteKey, string memoName)
{
    private readonly ConcurrentDictionary<PageBasics, Memo>? last = incremental.Memory.OutputMemos.GetValueOrDefault(memoName) as ConcurrentDictionary<PageBasics, Memo>;
    private readonly ConcurrentDictionary<PageBasics, Memo> next = new(ReferenceEqualityComparer.Instance);

    /// <summary>Keeps this build's keys for the next build in this process.</summary>
    public void Remember() => incremental.Memory.OutputMemos[memoName] = next;

    public string? Of(Page page)
    {
        if (page is Newsletter { DigestReleases.Count: > 0 } || incremental.MarkdownOf(page) is not { } markdown)
        {
            return null;
        }

        var product = (page as ReleaseNote)?.Product;
        var productMarkdown = product is null ? null : incremental.MarkdownOf(product);
        if (product is not null && productMarkdown is null)
        {
            return null;
        }

        if (last is not null && last.TryGetValue(page.Basics, out var memo) && memo.Matches(page, markdown, product, productMarkdown, siteKey))
        {
            next.TryAdd(page.Basics, memo);
            return memo.Key;
        }

        if (Compute(page, markdown, product, productMarkdown) is not { } key)
        {
            return null;
        }

        next.TryAdd(page.Basics, new Memo(page.GetType(), markdown, product?.Basics, product?.GetType(), productMarkdown, siteKey, key));
        return key;
    }

    private string? Compute(Page page, MarkdownCacheEntry markdown, ProductPage? product, MarkdownCacheEntry? productMarkdown)
    {
        if (PageSourceMembers.Fingerprint(page, incremental.Memory, markdown) is not { } own)
        {
            return null;
        }

        if (product is null)
        {
            return "source " + StableHash.Of(siteKey, own);
        }

        return PageSourceMembers.Fingerprint(product, incremental.Memory, productMarkdown) is { } productSource
            ? "source " + StableHash.Of(siteKey, own, productSource)
            : null;
    }

    /// <summary>
    /// A key as it was computed, and the objects it was computed from. The same parsed fields come from the same parse
    /// of the same file with the same config (a changed file or config is parsed again, into new fields), and the same
    /// markdown cache entry stands for the same body; so while all are the very same objects, so is the key.
    /// </summary>
    private sealed record Memo(Type PageType, MarkdownCacheEntry Markdown, PageBasics? ProductBasics, Type? ProductType,
        MarkdownCacheEntry? ProductMarkdown, string SiteKey, string Key)
    {
        public bool Matches(Page page, MarkdownCacheEntry markdown, ProductPage? product, MarkdownCacheEntry? productMarkdown, string siteKey) =>
            ReferenceEquals(PageType, page.GetType()) && ReferenceEquals(Markdown, markdown)
            && ReferenceEquals(ProductBasics, product?.Basics) && ReferenceEquals(ProductType, product?.GetType())
            && ReferenceEquals(ProductMarkdown, productMarkdown) && SiteKey == siteKey;
    }
}
