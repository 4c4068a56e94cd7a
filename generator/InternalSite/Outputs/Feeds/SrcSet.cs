using System.Text;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Rewrites the URLs of a srcset value ("small.png 480w, large.png 1080w") and keeps the descriptors. Follows the
/// HTML parsing rules: a candidate's URL runs to the next whitespace, and a comma inside a URL is part of it unless it
/// ends the URL.
/// </summary>
internal static class SrcSet
{
    public static string Rewrite(string value, Func<string, string?> resolve)
    {
        var candidates = new List<string>();
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && (char.IsWhiteSpace(value[i]) || value[i] == ','))
            {
                i++;
            }

            if (i >= value.Length)
            {
                break;
            }

            var start = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var url = value[start..i];
            var descriptors = string.Empty;
            if (url.EndsWith(','))
            {
                url = url.TrimEnd(',');
            }
            else
            {
                descriptors = ReadDescriptors(value, ref i);
            }

            if (resolve(url) is { } absolute)
            {
                candidates.Add(descriptors.Length == 0 ? absolute : absolute + " " + descriptors);
            }
        }

        return string.Join(", ", candidates);
    }

    /// <summary>Reads up to the comma that ends the candidate (commas inside parentheses do not).</summary>
    private static string ReadDescriptors(string value, ref int i)
    {
        var text = new StringBuilder();
        var depth = 0;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ',' && depth == 0)
            {
                i++;
                break;
            }

            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            text.Append(c);
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
