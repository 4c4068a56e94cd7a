namespace InternalSite.Outputs.Search;

/// <summary>One term of one document: how much it weighs there and which section a result for it should open.</summary>
/// <param name="Term">The term's number in the site's <see cref="TermTable"/>.</param>
/// <param name="Weight">1–255. Title matches weigh 200+, heading matches 100+, body matches at most 50, so the tier
/// a match comes from outranks how often the word occurs. search.js relies on these bands.</param>
/// <param name="Section">0 for the top of the page, else 1 + the index of the page's text section.</param>
public readonly record struct TermHit(int Term, byte Weight, int Section);

/// <summary>Weighs the terms of one page from its title, headings and text sections, as extracted while rendering.</summary>
public static class DocumentTerms
{
    public const int TitleBand = 200;
    public const int HeadingBand = 100;
    public const int BodyMax = 50;

    /// <param name="counter">Scratch space of the calling thread, reused page after page (see <see cref="NewCounter"/>).</param>
    public static TermHit[] Of(SearchDocument document, TermTable terms, Counter counter)
    {
        var page = document.Page;
        counter.Start(terms);
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

        return counter.Finish(titleBonus);
    }

    public static Counter NewCounter() => new();

    /// <summary>Counts terms per page and per section in arrays indexed by term number: no allocation per word.</summary>
    public sealed class Counter
    {
        private readonly List<int> seen = [];
        private TermStats[] stats = new TermStats[4096];
        private LocalTermIds? table;

        internal int TitleTerms { get; private set; }

        /// <summary>0 for the summary (top of the page), else 1 + the text section's index.</summary>
        internal int Section { get; set; }

        internal void Start(TermTable terms)
        {
            if (table?.Table != terms)
            {
                table = new LocalTermIds(terms);
            }

            TitleTerms = 0;
            Section = 0;
        }

        internal void Title(ReadOnlySpan<char> term)
        {
            TitleTerms++;
            ref var stats = ref Stats(term);
            stats.Total++;
            stats.InTitle = true;
        }

        internal void Heading(ReadOnlySpan<char> term)
        {
            ref var stats = ref Stats(term);
            stats.Total++;
            if (stats.HeadingSection == 0)
            {
                stats.HeadingSection = Section;
            }
        }

        internal void Body(ReadOnlySpan<char> term)
        {
            ref var stats = ref Stats(term);
            stats.Total++;
            if (stats.CurrentSection != Section)
            {
                stats.CloseSection();
                stats.CurrentSection = Section;
            }

            stats.CurrentCount++;
        }

        /// <summary>The page's hits, in the order its terms first occur, and clears the counts for the next page.</summary>
        internal TermHit[] Finish(int titleBonus)
        {
            var hits = new TermHit[seen.Count];
            for (var i = 0; i < seen.Count; i++)
            {
                var id = seen[i];
                ref var stats = ref this.stats[id];
                stats.CloseSection();
                var body = Math.Min(BodyMax, (int)Math.Round(10 * Math.Log2(1 + stats.Total)));
                hits[i] = stats.InTitle ? new TermHit(id, (byte)(TitleBand + (body / 2) + titleBonus), 0)
                    : stats.HeadingSection > 0 ? new TermHit(id, (byte)(HeadingBand + (body / 2)), stats.HeadingSection)
                    : new TermHit(id, (byte)Math.Max(1, body), stats.BestSection);
                stats = default;
            }

            seen.Clear();
            return hits;
        }

        private ref TermStats Stats(ReadOnlySpan<char> term)
        {
            var id = table!.IdOf(term);
            if (id >= stats.Length)
            {
                Array.Resize(ref stats, Math.Max(id + 1, stats.Length * 2));
            }

            ref var entry = ref stats[id];
            if (entry.Total == 0)
            {
                entry.CurrentSection = -1;
                seen.Add(id);
            }

            return ref entry;
        }
    }

    private struct TermStats
    {
        public int Total;
        public bool InTitle;
        public int HeadingSection;
        public int CurrentSection;
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
