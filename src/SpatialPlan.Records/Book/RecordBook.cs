using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records.Book;

/// <summary>
/// The records (台账) in a store: append-only. Saving makes a record with version 1; a changed footprint or a re-check
/// that changes something appends a version; withdrawing appends an event. Each change commits together with its audit
/// entry, and the call returns only once both are durable. There is no way to change or delete anything.
/// </summary>
public sealed class RecordBook(RecordStore store)
{
    private const string VersionColumns =
        "record_id, version, created_at, user_name, reason, project_name, builder, project_code, kind, majors, width_m, radius_m, source_crs, " +
        "declared_epsg, proximity_m, given, source_file_name, source_sha256, footprint_geojson, verdict, verdict_zh, data_version, policy_version, " +
        "data_dates, report_sha256, pdf_sha256, audit_seq";

    public RecordStore Store => store;

    /// <summary>Saves a new record (<paramref name="recordId"/> null) or appends a version to one.</summary>
    /// <param name="draft">The checked footprint, its PDF and data dates.</param>
    /// <param name="actor">Who.</param>
    /// <param name="recordId">The record to append to, or null for a new one.</param>
    /// <param name="reason"><see cref="VersionReasons"/>; a new record is always <c>save</c>.</param>
    /// <exception cref="Core.Sources.InputException">The project has no name.</exception>
    /// <exception cref="RecordNotFoundException">No such record.</exception>
    /// <exception cref="RecordConflictException">The record is withdrawn.</exception>
    /// <exception cref="StoreUnavailableException">The store cannot be written.</exception>
    public SavedVersion Save(RecordDraft draft, Actor actor, long? recordId = null, string reason = VersionReasons.Save)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(draft.ProjectName))
        {
            throw new Core.Sources.InputException("保存台账需要项目名称（a record needs the project's name）。",
                "请填写项目名称：网页和 API 的 projectName 字段，命令行的 --name，或文件第一个要素的 projectName 属性。 Give projectName (CLI --name).");
        }

        var report = draft.Checked.Report;
        var reportSha = AuditHash.Sha256(draft.Checked.ReportJson);
        var pdfSha = AuditHash.Sha256(draft.ReportPdf);
        var sourceSha = AuditHash.Sha256(draft.Checked.SourceFile);
        var verdict = Names.Of(report.Verdict);
        return store.Write((c, t) =>
        {
            var at = store.Now();
            long id;
            long version;
            if (recordId is null)
            {
                id = Convert.ToInt64(c.Scalar(t, "INSERT INTO records (created_at, created_by) VALUES (@t, @u) RETURNING id", ("t", at), ("u", actor.Name)), CultureInfo.InvariantCulture);
                version = 1;
                reason = VersionReasons.Save;
            }
            else
            {
                id = recordId.Value;
                var latest = c.Scalar(t, "SELECT MAX(version) FROM record_versions WHERE record_id = @id", ("id", id)) ?? throw new RecordNotFoundException(id);
                if (IsWithdrawn(c, t, id))
                {
                    throw new RecordConflictException($"台账 {id} 已撤回，不能再添加版本（record {id} is withdrawn）。");
                }

                version = Convert.ToInt64(latest, CultureInfo.InvariantCulture) + 1;
            }

            var action = reason switch
            {
                VersionReasons.Save => AuditActions.RecordSave,
                VersionReasons.Recheck => AuditActions.RecordRecheck,
                _ => AuditActions.RecordVersion,
            };
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["projectName"] = draft.ProjectName,
                ["projectCode"] = report.Project.ProjectCode,
                ["reason"] = reason,
                ["verdict"] = verdict,
                ["dataVersion"] = report.Settings.DataVersion,
                ["policyVersion"] = report.Settings.PolicyVersion,
                ["reportSha256"] = reportSha,
                ["pdfSha256"] = pdfSha,
            }, GivenSettings.Json);
            var entry = AuditLog.Append(c, t, new AuditDraft(action, RecordTargets.Version(id, version), sourceSha, detail), actor, at);
            c.Execute(t,
                "INSERT INTO record_versions (record_id, version, created_at, user_name, reason, project_name, builder, project_code, kind, majors, width_m, radius_m, " +
                "source_crs, declared_epsg, proximity_m, given, source_file_name, source_file, source_sha256, footprint_geojson, verdict, verdict_zh, data_version, " +
                "policy_version, data_dates, report_json, report_sha256, report_pdf, pdf_sha256, audit_seq) VALUES (@id, @version, @at, @user, @reason, @name, @builder, " +
                "@code, @kind, @majors, @width, @radius, @crs, @declared, @proximity, @given, @fileName, @file, @fileSha, @footprint, @verdict, @verdictZh, @dataVersion, " +
                "@policyVersion, @dates, @report, @reportSha, @pdf, @pdfSha, @seq)",
                ("id", id), ("version", version), ("at", at), ("user", actor.Name), ("reason", reason), ("name", draft.ProjectName),
                ("builder", report.Project.Builder), ("code", report.Project.ProjectCode), ("kind", report.Project.Kind.Id),
                ("majors", JsonSerializer.Serialize(report.Project.Majors.Select(m => m.Id).ToList())), ("width", report.Footprint.WidthM),
                ("radius", report.Footprint.RadiusM), ("crs", $"EPSG:{report.Footprint.SourceEpsg}"), ("declared", (long?)draft.Checked.Given.DeclaredEpsg),
                ("proximity", draft.Checked.Given.ProximityOverrideM), ("given", draft.Checked.Given.ToJson()), ("fileName", draft.Checked.SourceFileName),
                ("file", draft.Checked.SourceFile), ("fileSha", sourceSha), ("footprint", FootprintGeoJson(draft.Checked.ReportJson)), ("verdict", verdict),
                ("verdictZh", report.VerdictZh), ("dataVersion", report.Settings.DataVersion), ("policyVersion", report.Settings.PolicyVersion),
                ("dates", draft.DataDatesJson), ("report", draft.Checked.ReportJson), ("reportSha", reportSha), ("pdf", draft.ReportPdf), ("pdfSha", pdfSha),
                ("seq", entry.Seq));
            return new SavedVersion(id, version, verdict, report.VerdictZh, entry.Seq);
        });
    }

    /// <summary>
    /// The settings for a new version of a record: what was given wins; the project's name, 建设单位 and 项目代码 not
    /// given are the record's (so a changed footprint file keeps the project's identity).
    /// </summary>
    /// <exception cref="RecordNotFoundException">No such record.</exception>
    public GivenSettings ForNewVersion(long recordId, GivenSettings given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var latest = (Get(recordId) ?? throw new RecordNotFoundException(recordId)).Latest;
        var p = given.Project;
        return given with { Project = p with { Name = p.Name ?? latest.ProjectName, Builder = p.Builder ?? latest.Builder, ProjectCode = p.ProjectCode ?? latest.ProjectCode } };
    }

    /// <summary>Marks a record withdrawn (撤回) with a reason: an appended event, the record stays as it was.</summary>
    /// <exception cref="Core.Sources.InputException">No reason.</exception>
    /// <exception cref="RecordNotFoundException">No such record.</exception>
    /// <exception cref="RecordConflictException">Already withdrawn.</exception>
    public RecordEvent Withdraw(long id, string reason, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new Core.Sources.InputException("撤回台账需要写明原因（a withdrawal needs a reason）。", "请填写 reason，例如“建设单位撤回申请”。 Give a reason.");
        }

        reason = reason.Trim();
        return store.Write((c, t) =>
        {
            var version = LatestVersion(c, t, id);
            if (IsWithdrawn(c, t, id))
            {
                throw new RecordConflictException($"台账 {id} 已经撤回（record {id} is already withdrawn）。");
            }

            var at = store.Now();
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?> { ["reason"] = reason, ["version"] = version }, GivenSettings.Json);
            var entry = AuditLog.Append(c, t, new AuditDraft(AuditActions.RecordWithdraw, RecordTargets.Record(id), AuditHash.Sha256(reason), detail), actor, at);
            c.Execute(t, "INSERT INTO record_events (record_id, at, user_name, kind, version, reason, data_version, audit_seq) VALUES (@id, @at, @user, @kind, @v, @reason, NULL, @seq)",
                ("id", id), ("at", at), ("user", actor.Name), ("kind", RecordEventKinds.Withdrawn), ("v", version), ("reason", reason), ("seq", entry.Seq));
            return new RecordEvent(id, at, actor.Name, RecordEventKinds.Withdrawn, version, reason, null, entry.Seq);
        });
    }

    /// <summary>Notes that a re-check against <paramref name="dataVersion"/> changed nothing (no new version).</summary>
    public RecordEvent MarkRechecked(long id, long version, string? dataVersion, string reportJsonSha256, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.Write((c, t) =>
        {
            var at = store.Now();
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?> { ["version"] = version, ["changed"] = false, ["dataVersion"] = dataVersion, ["reportSha256"] = reportJsonSha256 }, GivenSettings.Json);
            var entry = AuditLog.Append(c, t, new AuditDraft(AuditActions.RecordRecheck, RecordTargets.Version(id, version), AuditHash.Sha256(reportJsonSha256), detail), actor, at);
            c.Execute(t, "INSERT INTO record_events (record_id, at, user_name, kind, version, reason, data_version, audit_seq) VALUES (@id, @at, @user, @kind, @v, NULL, @dv, @seq)",
                ("id", id), ("at", at), ("user", actor.Name), ("kind", RecordEventKinds.Rechecked), ("v", version), ("dv", dataVersion), ("seq", entry.Seq));
            return new RecordEvent(id, at, actor.Name, RecordEventKinds.Rechecked, version, null, dataVersion, entry.Seq);
        });
    }

    /// <summary>The record with its latest version (report JSON included), its versions and events; null when there is none.</summary>
    public RecordDetail? Get(long id) => store.Read(c =>
    {
        var versions = c.Query(null, $"SELECT {VersionColumns} FROM record_versions WHERE record_id = @id ORDER BY version", r => MapVersion(r), ("id", id));
        if (versions.Count == 0)
        {
            return null;
        }

        var latest = versions[^1] with
        {
            ReportJson = (string?)c.Scalar(null, "SELECT report_json FROM record_versions WHERE record_id = @id AND version = @v", ("id", id), ("v", versions[^1].Version)),
        };
        return new RecordDetail(latest, versions, Events(c, id));
    });

    /// <summary>One version with its report JSON; with the footprint file and PDF when <paramref name="withFiles"/>. Null when there is none.</summary>
    public RecordVersion? GetVersion(long id, long version, bool withFiles = false) => store.Read(c => c.Query(null,
        $"SELECT {VersionColumns}, report_json{(withFiles ? ", source_file, report_pdf" : string.Empty)} FROM record_versions WHERE record_id = @id AND version = @v",
        r => MapVersion(r) with
        {
            ReportJson = r.RequiredText("report_json"),
            SourceFile = withFiles ? r.Bytes("source_file") : null,
            ReportPdf = withFiles ? r.Bytes("report_pdf") : null,
        },
        ("id", id), ("v", version)).FirstOrDefault());

    /// <summary>The list (latest version of each record, newest first), filtered by <paramref name="query"/>.</summary>
    public IReadOnlyList<RecordSummary> List(RecordQuery? query = null, string? currentDataVersion = null)
    {
        query ??= new RecordQuery();
        return store.Read(c =>
        {
            var rows = c.Query(null,
                "SELECT v.record_id, v.version, v.project_name, v.builder, v.project_code, v.kind, v.verdict, v.verdict_zh, r.created_at AS record_created, " +
                "v.created_at, v.user_name, v.data_version, " +
                "(SELECT COUNT(*) FROM record_events e WHERE e.record_id = v.record_id AND e.kind = 'withdrawn') AS withdrawn, " +
                "(SELECT COUNT(*) FROM record_events e WHERE e.record_id = v.record_id AND e.kind = 'rechecked' AND e.version = v.version AND e.data_version = CAST(@current AS TEXT)) AS confirmed " +
                "FROM record_versions v JOIN records r ON r.id = v.record_id " +
                "WHERE v.version = (SELECT MAX(x.version) FROM record_versions x WHERE x.record_id = v.record_id) " +
                "AND (CAST(@text AS TEXT) IS NULL OR lower(v.project_name) LIKE @like ESCAPE '\\' OR lower(v.project_code) LIKE @like ESCAPE '\\' " +
                "OR lower(v.builder) LIKE @like ESCAPE '\\') " +
                "AND (CAST(@verdict AS TEXT) IS NULL OR v.verdict = @verdict) AND (CAST(@kind AS TEXT) IS NULL OR v.kind = @kind) " +
                "AND (CAST(@from AS TEXT) IS NULL OR v.created_at >= @from) AND (CAST(@to AS TEXT) IS NULL OR v.created_at < @to) AND (CAST(@user AS TEXT) IS NULL OR v.user_name = @user) " +
                "ORDER BY v.created_at DESC, v.record_id DESC",
                r =>
                {
                    var dataVersion = r.Text("data_version");
                    var withdrawn = r.Long("withdrawn") > 0;
                    var updated = currentDataVersion is not null && dataVersion != currentDataVersion && r.Long("confirmed") == 0;
                    return new RecordSummary(r.Long("record_id"), r.Long("version"), r.RequiredText("project_name"), r.Text("builder"), r.Text("project_code"),
                        r.RequiredText("kind"), r.RequiredText("verdict"), r.RequiredText("verdict_zh"), r.RequiredText("record_created"), r.RequiredText("created_at"),
                        r.RequiredText("user_name"), dataVersion, withdrawn, updated);
                },
                ("current", currentDataVersion), ("text", Blank(query.Text)), ("like", Blank(query.Text) is { } q ? $"%{Escape(q.ToLowerInvariant())}%" : null),
                ("verdict", Blank(query.Verdict)), ("kind", Blank(query.Kind)), ("from", Blank(query.FromUtc)), ("to", Blank(query.ToUtc)), ("user", Blank(query.User)));
            return query.IncludeWithdrawn ? rows : [.. rows.Where(r => !r.Withdrawn)];
        });
    }

    /// <summary>The ids of live (not withdrawn) records, oldest first.</summary>
    public IReadOnlyList<long> LiveIds() => store.Read(c => c.Query(null,
        "SELECT id FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_events e WHERE e.record_id = r.id AND e.kind = 'withdrawn') " +
        "AND EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id) ORDER BY id",
        r => r.Long("id")));

    private static long LatestVersion(DbConnection c, DbTransaction t, long id) =>
        c.Scalar(t, "SELECT MAX(version) FROM record_versions WHERE record_id = @id", ("id", id)) is { } v
            ? Convert.ToInt64(v, CultureInfo.InvariantCulture)
            : throw new RecordNotFoundException(id);

    private static bool IsWithdrawn(DbConnection c, DbTransaction? t, long id) =>
        Convert.ToInt64(c.Scalar(t, "SELECT COUNT(*) FROM record_events WHERE record_id = @id AND kind = 'withdrawn'", ("id", id)), CultureInfo.InvariantCulture) > 0;

    private static List<RecordEvent> Events(DbConnection c, long id) => c.Query(null,
        "SELECT record_id, at, user_name, kind, version, reason, data_version, audit_seq FROM record_events WHERE record_id = @id ORDER BY id",
        r => new RecordEvent(r.Long("record_id"), r.RequiredText("at"), r.RequiredText("user_name"), r.RequiredText("kind"), r.Long("version"), r.Text("reason"),
            r.Text("data_version"), r.Long("audit_seq")),
        ("id", id));

    private static RecordVersion MapVersion(DbDataReader r) => new()
    {
        RecordId = r.Long("record_id"),
        Version = r.Long("version"),
        CreatedAt = r.RequiredText("created_at"),
        User = r.RequiredText("user_name"),
        Reason = r.RequiredText("reason"),
        ProjectName = r.RequiredText("project_name"),
        Builder = r.Text("builder"),
        ProjectCode = r.Text("project_code"),
        Kind = r.RequiredText("kind"),
        Majors = r.RequiredText("majors"),
        WidthM = r.NullableDouble("width_m"),
        RadiusM = r.NullableDouble("radius_m"),
        SourceCrs = r.RequiredText("source_crs"),
        DeclaredEpsg = r.NullableLong("declared_epsg"),
        ProximityM = r.NullableDouble("proximity_m"),
        Given = r.RequiredText("given"),
        SourceFileName = r.RequiredText("source_file_name"),
        SourceSha256 = r.RequiredText("source_sha256"),
        FootprintGeoJson = r.RequiredText("footprint_geojson"),
        Verdict = r.RequiredText("verdict"),
        VerdictZh = r.RequiredText("verdict_zh"),
        DataVersion = r.Text("data_version"),
        PolicyVersion = r.RequiredText("policy_version"),
        DataDates = r.RequiredText("data_dates"),
        ReportSha256 = r.RequiredText("report_sha256"),
        PdfSha256 = r.RequiredText("pdf_sha256"),
        AuditSeq = r.Long("audit_seq"),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // The search text is matched literally: LIKE's wildcards in it are escaped (ESCAPE with a backslash); case is folded on both sides.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string FootprintGeoJson(string reportJson)
    {
        using var doc = JsonDocument.Parse(reportJson);
        return doc.RootElement.TryGetProperty("footprint", out var f) && f.TryGetProperty("geometry", out var g) ? g.GetRawText() : "null";
    }
}
