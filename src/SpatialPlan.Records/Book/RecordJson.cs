using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SpatialPlan.Records.Book;

/// <summary>
/// The JSON shapes of the records lists and versions, one for every output: <c>GET /api/records</c>,
/// <c>GET /api/records/{id}</c> and <c>spatialplan records list|show --format json</c> all build their bodies from these,
/// so the web and the CLI cannot drift apart (issue 11 §8; "one answer everywhere").
/// </summary>
public static class RecordJson
{
    /// <summary>
    /// How every records output is written: web (camelCase) names, Chinese as itself, and every field always present (an
    /// absent value is null, so a reader never has to guess whether a field exists). The web and the CLI use these options.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The notice when the data changed since a record was checked (issue 11 §4).</summary>
    public const string DataUpdatedZh = "数据已更新：结论可能变化";

    /// <summary>
    /// A list of records: <c>{dataVersion, total, affected, noticeZh, records:[…]}</c>; <c>affected</c> counts the live
    /// records checked against other data than <paramref name="currentDataVersion"/>.
    /// </summary>
    public static object List(IReadOnlyList<RecordSummary> rows, string? currentDataVersion)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var affected = Affected(rows);
        return new
        {
            dataVersion = currentDataVersion,
            total = rows.Count,
            affected,
            noticeZh = affected > 0 ? $"{affected} 个项目{DataUpdatedZh}" : null,
            records = rows.Select(Summary),
        };
    }

    /// <summary>How many live records in <paramref name="rows"/> were checked against other data.</summary>
    public static int Affected(IReadOnlyList<RecordSummary> rows) => rows.Count(r => r.DataUpdated && !r.Withdrawn);

    /// <summary>One row of the list.</summary>
    public static object Summary(RecordSummary r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new
        {
            id = r.Id,
            version = r.Version,
            projectName = r.ProjectName,
            builder = r.Builder,
            projectCode = r.ProjectCode,
            kind = r.Kind,
            verdict = r.Verdict,
            verdictZh = r.VerdictZh,
            createdAt = r.CreatedAt,
            updatedAt = r.UpdatedAt,
            user = r.User,
            dataVersion = r.DataVersion,
            withdrawn = r.Withdrawn,
            dataUpdated = r.DataUpdated,
            noticeZh = r.DataUpdated && !r.Withdrawn ? DataUpdatedZh : null,
        };
    }

    /// <summary>A version as listed beside the others; <paramref name="url"/> where it can be fetched, when there is one.</summary>
    public static object VersionLine(RecordVersion v, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new { version = v.Version, createdAt = v.CreatedAt, user = v.User, reason = v.Reason, verdict = v.Verdict, verdictZh = v.VerdictZh, dataVersion = v.DataVersion, url };
    }

    /// <summary>An event of a record (saved, new version, re-check, withdrawn).</summary>
    public static object Event(RecordEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new { at = e.At, user = e.User, kind = e.Kind, version = e.Version, reason = e.Reason, dataVersion = e.DataVersion };
    }

    /// <summary>The withdrawal of a record, or null.</summary>
    public static object? Withdrawal(RecordEvent? w) => w is null ? null : new { at = w.At, user = w.User, reason = w.Reason, version = w.Version };
}
