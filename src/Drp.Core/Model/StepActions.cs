namespace Drp.Core.Model;

/// <summary>The four pruning actions of the DRP method, as they are written in records.</summary>
public static class StepActions
{
    public const string Keep = "keep";
    public const string Delete = "delete";
    public const string Compress = "compress";
    public const string Merge = "merge";
}
