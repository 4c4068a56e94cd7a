namespace InternalSite.Outputs.Search;

/// <summary>One term of one document: how much it weighs there and which section a result for it should open.</summary>
/// <param name="Weight">1–255. Title matches weigh 200+, heading matches 100+, body matches at most 50, so the tier
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
        var counter = new Counter();
        SearchTokenizer.ForEach(page.Title, counter, static (term, c) => c.Title(term));

        // Short titles are what someone typing a name is after ("Atlas" the product before "Atlas 2.4 is out").
        var titleBonus = Math.Max(0, 10 - (2 * counter.TitleTerms)) + (document.KindKey == "product" ? 4 : 0);

        counter.Section = 0;
        SearchTokenizer.ForEach(page.Summary, counter, static (term, c) => c.Body(term));
        for (var s = 0; s < page.TextSections.Count; s++)
        {
            var section = page.TextSections[s];
            counter.Section = s + 1;
            SearchTokenizer.ForEach(section.HeadingText, counter, static (term, c) => c.Heading(term));
            SearchTokenizer.ForEach(section.Text, counter, static (term, c) => c.Body(term));
        }

        var hits = new List<TermHit>(counter.Terms.Count);
        foreach (var (term, stats) in counter.Terms)
        {
            stats.CloseSection();
            var body = Math.Min(BodyMax, (int)Math.Round(10 * Math.Log2(1 + stats.Total)));
            if (stats.InTitle)
            {
                hits.Add(new TermHit(term, TitleBand + (body / 2) + titleBonus, 0));
            }
            else if (stats.HeadingSection > 0)
            {
                hits.Add(new TermHit(term, HeadingBand + (body / 2), stats.HeadingSection));
            }
            else
            {
                hits.Add(new TermHit(term, Math.Max(1, body), stats.BestSection));
            }
        }

        return hits;
    }

    /// <summary>Counts terms per page and per section, allocating a string only for a term's first occurrence.</summary>
    private sealed class Counter
    {
        private readonly Dictionary<string, TermStats>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public Counter() => lookup = Terms.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, TermStats> Terms { get; } = new(StringComparer.Ordinal);

        public int TitleTerms { get; private set; }

        /// <summary>0 for the summary (top of the page), else 1 + the text section's index.</summary>
        public int Section { get; set; }

        public void Title(ReadOnlySpan<char> term)
        {
            TitleTerms++;
            var stats = Stats(term);
            stats.Total++;
            stats.InTitle = true;
        }

        public void Heading(ReadOnlySpan<char> term)
        {
            var stats = Stats(term);
            stats.Total++;
            if (stats.HeadingSection == 0)
            {
                stats.HeadingSection = Section;
            }
        }

        public void Body(ReadOnlySpan<char> term)
        {
            var stats = Stats(term);
            stats.Total++;
            if (stats.CurrentSection != Section)
            {
                stats.CloseSection();
                stats.CurrentSection = Section;
            }

            stats.CurrentCount++;
        }

        private TermStats Stats(ReadOnlySpan<char> term)
        {
            if (!lookup.TryGetValue(term, out var stats))
            {
                stats = new TermStats();
                lookup[term] = stats;
            }

            return stats;
        }
    }

    private sealed class TermStats
    {
        public int Total;
        public bool InTitle;
        public int HeadingSection;
        public int CurrentSection = -1;
        public int CurrentCount;
        public int BestSection;
        public int BestCount;

        /// <summary>The section with the most occurrences is where a body match opens.</summary>
        public void CloseSection()
        {
            if (CurrentCount > BestCount)
            {
                BestCount = CurrentCount;
                BestSection = CurrentSection;
            }

            CurrentCount = 0;
        }
    }
}
