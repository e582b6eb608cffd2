namespace SpatialPlan.Records.Book;

/// <summary>A version just saved: what <c>POST /api/records</c> answers.</summary>
public sealed record SavedVersion(long Id, long Version, string Verdict, string VerdictZh, long AuditSeq);

/// <summary>One version of a record (blobs only when asked for).</summary>
public sealed record RecordVersion
{
    public required long RecordId { get; init; }

    public required long Version { get; init; }

    public required string CreatedAt { get; init; }

    public required string User { get; init; }

    /// <summary><c>save</c>, <c>footprint</c> (a changed footprint) or <c>recheck</c>.</summary>
    public required string Reason { get; init; }

    public required string ProjectName { get; init; }

    public string? Builder { get; init; }

    public string? ProjectCode { get; init; }

    public required string Kind { get; init; }

    /// <summary>JSON array of major-category ids.</summary>
    public required string Majors { get; init; }

    public double? WidthM { get; init; }

    public double? RadiusM { get; init; }

    /// <summary>The CRS the footprint was read in, e.g. EPSG:4545.</summary>
    public required string SourceCrs { get; init; }

    public long? DeclaredEpsg { get; init; }

    public double? ProximityM { get; init; }

    /// <summary>The settings as given (JSON, <see cref="GivenSettings"/>).</summary>
    public required string Given { get; init; }

    public required string SourceFileName { get; init; }

    public required string SourceSha256 { get; init; }

    /// <summary>The footprint as checked, EPSG:4490 GeoJSON geometry.</summary>
    public required string FootprintGeoJson { get; init; }

    public required string Verdict { get; init; }

    public required string VerdictZh { get; init; }

    public string? DataVersion { get; init; }

    public required string PolicyVersion { get; init; }

    /// <summary>JSON with the dates of catalog, policy and layers.</summary>
    public required string DataDates { get; init; }

    public required string ReportSha256 { get; init; }

    public required string PdfSha256 { get; init; }

    public required long AuditSeq { get; init; }

    /// <summary>The report JSON (loaded with the detail, not with lists).</summary>
    public string? ReportJson { get; init; }

    /// <summary>The footprint file as submitted (only when blobs were asked for).</summary>
    public byte[]? SourceFile { get; init; }

    /// <summary>The report PDF (only when blobs were asked for).</summary>
    public byte[]? ReportPdf { get; init; }
}

/// <summary>An appended event of a record: <c>withdrawn</c> (with a reason) or <c>rechecked</c> (re-checked, nothing changed).</summary>
public sealed record RecordEvent(long RecordId, string At, string User, string Kind, long Version, string? Reason, string? DataVersion, long AuditSeq);

/// <summary>A record: its latest version, every version (without blobs) and its events.</summary>
public sealed record RecordDetail(RecordVersion Latest, IReadOnlyList<RecordVersion> Versions, IReadOnlyList<RecordEvent> Events)
{
    public long Id => Latest.RecordId;

    public RecordEvent? Withdrawn => Events.FirstOrDefault(e => e.Kind == RecordEventKinds.Withdrawn);

    /// <summary>
    /// True when the latest version was checked against other data than <paramref name="currentDataVersion"/> and no
    /// re-check has confirmed it since (「数据已更新：结论可能变化」).
    /// </summary>
    public bool DataUpdated(string? currentDataVersion) =>
        currentDataVersion is not null && Latest.DataVersion != currentDataVersion
        && !Events.Any(e => e.Kind == RecordEventKinds.Rechecked && e.Version == Latest.Version && e.DataVersion == currentDataVersion);
}

/// <summary>A line of the records list.</summary>
public sealed record RecordSummary(long Id, long Version, string ProjectName, string? Builder, string? ProjectCode, string Kind, string Verdict,
    string VerdictZh, string CreatedAt, string UpdatedAt, string User, string? DataVersion, bool Withdrawn, bool DataUpdated);

/// <summary>The event kinds.</summary>
public static class RecordEventKinds
{
    public const string Withdrawn = "withdrawn";
    public const string Rechecked = "rechecked";
}

/// <summary>Why a version was made.</summary>
public static class VersionReasons
{
    public const string Save = "save";
    public const string Footprint = "footprint";
    public const string Recheck = "recheck";
}

/// <summary>A search of the records list; every field optional, all given ones must match.</summary>
/// <param name="Text">Part of the project name, 项目代码 or 建设单位.</param>
/// <param name="Verdict">A verdict id (clear, advisory, approval-required, prohibited).</param>
/// <param name="Kind">A project kind id.</param>
/// <param name="FromUtc">Latest version at or after (StoreTime text).</param>
/// <param name="ToUtc">Latest version before (StoreTime text).</param>
/// <param name="User">Who saved the latest version.</param>
/// <param name="IncludeWithdrawn">Also list withdrawn records.</param>
public sealed record RecordQuery(string? Text = null, string? Verdict = null, string? Kind = null, string? FromUtc = null, string? ToUtc = null,
    string? User = null, bool IncludeWithdrawn = true);

/// <summary>The record does not exist (404).</summary>
public sealed class RecordNotFoundException(long id)
    : Exception($"台账 {id} 不存在（no record {id}）。")
{
    public long Id { get; } = id;
}

/// <summary>The change conflicts with the record's state (409), e.g. it is already withdrawn.</summary>
public sealed class RecordConflictException(string message) : Exception(message);
