using SpatialPlan.Core.Checks;

namespace SpatialPlan.Records.Book;

/// <summary>A checked footprint: the file as submitted, the settings as given, and the report.</summary>
/// <param name="SourceFile">The footprint file's bytes as submitted.</param>
/// <param name="SourceFileName">Its name.</param>
/// <param name="Given">The settings as given.</param>
/// <param name="Report">The check's report.</param>
/// <param name="ReportJson">The report JSON (CheckReportJson), as the API and <c>check --format json</c> give it.</param>
public sealed record CheckedFootprint(byte[] SourceFile, string SourceFileName, GivenSettings Given, CheckReport Report, string ReportJson);

/// <summary>Everything a record version stores, ready to save.</summary>
/// <param name="Checked">The check.</param>
/// <param name="ReportPdf">The report PDF (CheckReportRenderer).</param>
/// <param name="DataDatesJson">The dates of catalog, policy and layers (JSON).</param>
public sealed record RecordDraft(CheckedFootprint Checked, byte[] ReportPdf, string DataDatesJson)
{
    /// <summary>The project name a record must have.</summary>
    public string ProjectName => Checked.Report.Project.Name ?? string.Empty;
}
