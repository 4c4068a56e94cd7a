namespace InternalSite.Diagnostics;

/// <summary>Stable codes, so tests and documentation can name a kind of problem without quoting its text.</summary>
public static class DiagnosticCodes
{
    public const string ConfigMissing = "IS001";
    public const string ConfigUnknownKey = "IS002";
    public const string ConfigInvalidValue = "IS003";
    public const string YamlSyntax = "IS010";
    public const string FrontMatterUnclosed = "IS011";
    public const string MissingKey = "IS012";
    public const string InvalidValue = "IS013";
    public const string UnknownKey = "IS014";
    public const string NotUtf8 = "IS015";
    public const string TooLarge = "IS016";
    public const string TooDeeplyNested = "IS017";
    public const string DuplicateUrl = "IS020";
    public const string UnknownProduct = "IS021";
    public const string BrokenLink = "IS030";
    public const string BrokenAnchor = "IS031";
    public const string LinkLeavesSite = "IS032";
    public const string Template = "IS040";
    public const string Theme = "IS041";
    public const string Output = "IS050";
    public const string ImageAlt = "IS060";
    public const string Image = "IS061";
}
