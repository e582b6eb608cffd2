using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// Source-generated JSON metadata for what the commands print or log as JSON. The payloads are named records, not
/// anonymous types: the Native AOT build of the CLI (scripts/publish-cli.sh) cannot make metadata for an anonymous type
/// with number or bool members at run time ("… is missing native code"), and the source generator cannot see anonymous
/// types. The names are written camelCase, as the anonymous types spelled them. bench/scripts/cli_matrix.sh runs every
/// command through two builds and shows they print the same.
/// </summary>
[JsonSerializable(typeof(ValidatePayload))]
[JsonSerializable(typeof(LayersPayload))]
[JsonSerializable(typeof(SavedRecordPayload))]
[JsonSerializable(typeof(RecheckPayload))]
[JsonSerializable(typeof(AuditBrokenPayload))]
[JsonSerializable(typeof(AuditExportDetail))]
[JsonSerializable(typeof(List<AccountPayload>))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Indented, Chinese as itself: what <c>validate</c> and <c>layers</c> print.</summary>
    public static CliJson Indented { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    /// <summary>The records outputs' options (<see cref="RecordsContext.Json"/>: web names, Chinese as itself, one line).</summary>
    public static CliJson Records { get; } = new(new JsonSerializerOptions(RecordsContext.Json));
}

internal sealed record ValidatePayload(string File, bool Valid, int FeatureCount, string GeometryTypes, string Crs, string? CrsReasonZh,
    bool AxesSwapped, double AreaM2, double LengthM, string MeasuredCrs, string MeasuredCrsZh, IEnumerable<RepairPayload> Repairs);

internal sealed record RepairPayload(int FeatureIndex, string Problem, string Action, double? AreaChangeM2);

internal sealed record LayersPayload(string DataDirectory, string? Crs, IEnumerable<LayerPayload> Layers, string? DataNoteZh);

internal sealed record LayerPayload(string Id, string TitleZh, string? TitleEn, string? Group, string Category, string Path, int FeatureCount,
    string Crs, string? Policy, bool Schematic);

internal sealed record SavedRecordPayload(long Id, long Version, string Verdict, string VerdictZh);

internal sealed record RecheckPayload(IEnumerable<RecheckChangedPayload> Changed, int Unchanged, IEnumerable<RecheckFailedPayload> Failed, string? DataVersion);

internal sealed record RecheckChangedPayload(long Id, string ProjectName, string? ProjectCode, long OldVersion, long? NewVersion, string OldVerdict,
    string? NewVerdict, string OldVerdictZh, string? NewVerdictZh, string? OldDataVersion, string? NewDataVersion, IEnumerable<RecheckChangePayload> Changes);

internal sealed record RecheckChangePayload(string? Zone, string What, string? Old, string? New, string TextZh);

internal sealed record RecheckFailedPayload(long Id, string ProjectName, string? MessageZh);

internal sealed record AuditBrokenPayload(bool Intact, long? FirstBrokenSeq, string? ProblemZh, string? ProblemEn);

internal sealed record AuditExportDetail(string? From, string? To, int Entries);

internal sealed record AccountPayload(string Name, string Role, string CreatedAt, bool Disabled);
