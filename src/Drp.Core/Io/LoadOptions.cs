namespace Drp.Core.Io;

/// <summary>How input records are read and mapped.</summary>
public sealed record LoadOptions
{
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>For a JSON object: the key holding the records (<c>--records</c>).</summary>
    public string? RecordsKey { get; init; }

    public FieldMap Map { get; init; } = FieldMap.Auto;

    /// <summary>The markers around the reasoning (<c>--think-tags</c>); null finds the known ones.</summary>
    public ThinkTags? ThinkTags { get; init; }

    /// <summary>Gold answers joined by question text (<c>--gold FILE</c>), for inputs that carry none.</summary>
    public GoldIndex? Gold { get; init; }

    /// <summary>Reject records without a gold answer at once, before a teacher is paid to prune them.</summary>
    public bool RequireGold { get; init; }

    /// <summary>Files drp wrote may hold an id twice (shards of one run being merged); inputs may not.</summary>
    public bool AllowDuplicateIds { get; init; }

    /// <summary>Of a folder or glob holding several dataset splits, the one read (<c>--split</c>; "all" for every one).</summary>
    public string Split { get; init; } = InputFiles.DefaultSplit;

    /// <summary>Only the records of this shard (<c>--shard K/N</c>).</summary>
    public Shard? Shard { get; init; }
}
