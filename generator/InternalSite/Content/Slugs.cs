using System.Text;

namespace InternalSite.Content;

public static class Slugs
{
    /// <summary>Lower-case letters and digits joined by single dashes: "Data & AI" → "data-ai".</summary>
    public static string Slugify(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.Length == 0 ? "item" : sb.ToString();
    }

    /// <summary>Whether a writer's <c>slug:</c> is usable as one URL segment as it is.</summary>
    public static bool IsValid(string slug) =>
        slug.Length > 0 && slug != "." && slug != ".." &&
        slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>"getting-started" → "Getting started", for sections without a page of their own.</summary>
    public static string Humanize(string slug)
    {
        var words = slug.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? slug : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
