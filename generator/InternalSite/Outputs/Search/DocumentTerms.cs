using InternalSite.Model;

namespace InternalSite.Outputs.Search;

/// <summary>One term of one document: how much it weighs there and which section a result for it should open.</summary>
/// <param name="Weight">0–255. Title matches weigh 200+, heading matches 100+, body matches at most 50, so the tier
/// a match comes from outranks how often the word occurs. search.js relies on these bands.</param>
/// <param name="Section">0 for the top of the page, else 1 + the index of the page's text section.</param>
public readonly record struct TermHit(string Term, int Weight, int Section);

/// <summary>Weighs the terms of one page from its title, headings and text sections, as extracted while rendering.</summary>
public static class DocumentTerms
{
    public const int TitleBand = 200;
    public const int HeadingBand = 100;
    public const int BodyMax = 50;

    public static List<TermHit> Of(SearchDocument document)
    {
        var page = document.Page;
        var titleTerms = SearchTokenizer.Terms(page.Title).ToList();
        var inTitle = new HashSet<string>(titleTerms, StringComparer.Ordinal);

        // Short titles are what someone typing a name is after ("Atlas" the product before "Atlas 2.4 is out").
        var titleBonus = Math.Max(0, 10 - (2 * titleTerms.Count)) + (document.KindKey == "product" ? 4 : 0);

        var counts = new Dictionary<string, TermStats>(StringComparer.Ordinal);
        foreach (var term in titleTerms)
        {
            Stats(counts, term).Total++;
        }

        foreach (var term in SearchTokenizer.Terms(page.Summary))
        {
            Stats(counts, term).Total++;
        }

        for (var s = 0; s < page.TextSections.Count; s++)
        {
            var section = page.TextSections[s];
            foreach (var term in SearchTokenizer.Terms(section.HeadingText))
            {
                var stats = Stats(counts, term);
                stats.Total++;
                stats.HeadingSection ??= s + 1;
            }

            var perSection = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in SearchTokenizer.Terms(section.Text))
            {
                perSection[term] = perSection.GetValueOrDefault(term) + 1;
            }

            foreach (var (term, count) in perSection)
            {
                var stats = Stats(counts, term);
                stats.Total += count;
                if (count > stats.BestCount)
                {
                    stats.BestCount = count;
                    stats.BestSection = s + 1;
                }
            }
        }

        var hits = new List<TermHit>(counts.Count);
        foreach (var (term, stats) in counts)
        {
            var body = Math.Min(BodyMax, (int)Math.Round(10 * Math.Log2(1 + stats.Total)));
            if (inTitle.Contains(term))
            {
                hits.Add(new TermHit(term, TitleBand + (body / 2) + titleBonus, 0));
            }
            else if (stats.HeadingSection is { } heading)
            {
                hits.Add(new TermHit(term, HeadingBand + (body / 2), heading));
            }
            else
            {
                hits.Add(new TermHit(term, Math.Max(1, body), stats.BestSection));
            }
        }

        return hits;
    }

    private static TermStats Stats(Dictionary<string, TermStats> counts, string term)
    {
        if (!counts.TryGetValue(term, out var stats))
        {
            stats = new TermStats();
            counts[term] = stats;
        }

        return stats;
    }

    private sealed class TermStats
    {
        public int Total { get; set; }

        public int BestCount { get; set; }

        public int BestSection { get; set; }

        public int? HeadingSection { get; set; }
    }
}
