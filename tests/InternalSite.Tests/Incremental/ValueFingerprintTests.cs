using InternalSite.Build.Incremental;

namespace InternalSite.Tests.Incremental;

/// <summary>Fingerprints of the values templates read: short ones are their text, long ones a hash of it.</summary>
public sealed class ValueFingerprintTests
{
    [Fact]
    public void A_short_value_is_its_own_text_marked_with_an_equals_sign()
    {
        Assert.Equal("=\"5:title", ValueFingerprint.Of("title"));
        Assert.Equal("=∅", ValueFingerprint.Of(null));
    }

    [Fact]
    public void A_long_value_is_the_stable_hash_of_its_text_and_differs_from_any_other()
    {
        var items = Enumerable.Range(0, 50).Select(i => $"item {i}").ToArray();
        var fingerprint = ValueFingerprint.Of(items);
        Assert.Equal(StableHash.Of("[" + string.Concat(items.Select(i => $"\"{i.Length}:{i},")) + "]"), fingerprint);
        items[49] = "item 50";
        Assert.NotEqual(fingerprint, ValueFingerprint.Of(items));
    }
}
