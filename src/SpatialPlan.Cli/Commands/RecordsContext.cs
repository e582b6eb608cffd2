using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// What the records, recheck and audit commands share: the <c>--database</c> option, the store of the data folder
/// (the same one the app finds for the same folder), the OS user, dates and JSON.
/// </summary>
internal static class RecordsContext
{
    public static readonly JsonSerializerOptions Json = SpatialPlan.Records.Book.RecordJson.Options;

    public static Option<string?> Database() => new("--database")
    {
        Description = "台账库：PostgreSQL 连接串（或 env:变量名）；不给则用数据目录下的 records/records.sqlite（或环境变量 SPATIALPLAN_DATABASE）。" +
            "Records store: a PostgreSQL connection string; default: records/records.sqlite in the data folder.",
    };

    /// <summary>The data folder and its records store (opened, migrated).</summary>
    public static (string DataDir, RecordStore Store) Open(string? data, string? database)
    {
        var dir = DataDirectory.Resolve(data);
        return (dir, RecordStore.Open(StoreLocation.Resolve(dir, database)));
    }

    /// <summary>Checks and renders over the data folder's layers as they are now (read afresh: a re-check must see changed data).</summary>
    public static RecordMaker Maker(string dataDir)
    {
        var layers = new LayerStore(LayerCatalog.Load(dataDir));
        return new RecordMaker(SpatialPlan.Core.Checks.SiteCheck.From(layers), layers, StyleBook.Load(dataDir));
    }

    public static Actor User => Actor.OsUser();

    /// <summary>A local calendar date (yyyy-MM-dd) as the store's UTC time text at the start of that day, or of the next day when <paramref name="endOfDay"/>.</summary>
    public static string? Date(string? text, string option, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InputException($"{option} “{text}” 不是日期（not a date）。", $"写成 年-月-日，例如 {option} 2026-11-29。 Write yyyy-MM-dd.");
        }

        var local = date.AddDays(endOfDay ? 1 : 0).ToDateTime(TimeOnly.MinValue, DateTimeKind.Local);
        return StoreTime.Text(new DateTimeOffset(local));
    }

    /// <summary>A record id as typed.</summary>
    public static long Id(string text) => long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
        ? id
        : throw new InputException($"台账编号“{text}”无效（not a record id）。", "台账编号是正整数，见 spatialplan records list。 A record id is a positive integer.");

    /// <summary>A stored UTC time as local time for tables.</summary>
    public static string Local(string storeTime) => StoreTime.Parse(storeTime).ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Csv(string? field) =>
        field is null ? string.Empty : field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>留痕 of <c>spatialplan check</c>: every check, saved or not, is an audit entry in the data folder's store.</summary>
internal static class RecordsAudit
{
    /// <summary>
    /// Appends the check's audit entry (the file's SHA-256, the settings, the verdict, the outputs written). A store that
    /// cannot be written never fails the check: one line on stderr says the entry is missing and why.
    /// </summary>
    public static void Check(string? dataOption, SpatialPlan.Core.Checks.CheckReport report, string format, string? pdfPath, TextWriter stderr)
    {
        try
        {
            var dir = DataDirectory.Resolve(dataOption);
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["file"] = report.Settings.InputFile,
                ["kind"] = report.Project.Kind.Id,
                ["majors"] = report.Project.Majors.Select(m => m.Id).ToList(),
                ["projectName"] = report.Project.Name,
                ["verdict"] = SpatialPlan.Core.Checks.Names.Of(report.Verdict),
                ["dataVersion"] = report.Settings.DataVersion,
                ["format"] = format,
                ["pdf"] = pdfPath is null ? null : Path.GetFullPath(pdfPath),
            }, RecordsContext.Json);
            SpatialPlan.Records.Audit.Append(dir, AuditActions.Check, $"check {report.Settings.InputFile}", report.Settings.InputSha256 ?? AuditHash.Sha256(string.Empty), detail);
        }
        catch (Exception e) when (e is StoreUnavailableException or InputException)
        {
            stderr.WriteLine($"注意：本次核查未能写入留痕（audit entry not written）：{e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
