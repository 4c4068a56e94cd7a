using System.Text.Json.Serialization;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// How an incremental build writes out a feed entry's description to hash it. Generated at compile time: describing the
/// types by reflection at run time cost more than describing every feed of a large site.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedEntry))]
internal sealed partial class FeedFingerprintJson : JsonSerializerContext;
