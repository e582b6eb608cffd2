using System.Globalization;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Reports;

namespace SpatialPlan.Records.Book;

/// <summary>
/// Checks a footprint file the way <c>spatialplan check</c> and <c>POST /api/checks</c> do (FeatureFileReader →
/// SiteCheck.Run → CheckReportJson), and renders the report PDF with the same CheckReportRenderer: the one path by
/// which records are saved and re-checked, from the CLI and the app alike.
/// </summary>
/// <param name="check">The site check of the data folder.</param>
/// <param name="layers">Its layer store (the report PDF's map).</param>
/// <param name="styles">Its styles.</param>
public sealed class RecordMaker(SiteCheck check, LayerStore layers, StyleBook styles)
{
    public SiteCheck SiteCheck => check;

    /// <summary>The data version of the current data (null when the layers were built ad hoc).</summary>
    public string? DataVersion => check.DataVersion;

    /// <summary>Reads and checks a footprint file.</summary>
    /// <exception cref="InputException">The file or a setting cannot be used.</exception>
    public CheckedFootprint Check(byte[] content, string fileName, GivenSettings given, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(given);
        check.CheckGiven(given.Project);
        using var stream = new MemoryStream(content, writable: false);
        var load = FeatureFileReader.Read(stream, fileName, new ReadOptions(given.DeclaredEpsg), cancellationToken);
        var report = check.Run(load, given.Project, CheckInput.Of(fileName, content), given.DeclaredEpsg, given.ProximityOverrideM, cancellationToken);
        return new CheckedFootprint(content, Path.GetFileName(fileName), given, report, CheckReportJson.Serialize(report));
    }

    /// <summary>Renders the report PDF and notes the data dates: a version ready to save.</summary>
    public RecordDraft Draft(CheckedFootprint footprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        var name = footprint.Report.Project.Name ?? Path.GetFileNameWithoutExtension(footprint.SourceFileName);
        using var pdf = new MemoryStream();
        new CheckReportRenderer(layers, styles).Render(footprint.Report, name, pdf, cancellationToken: cancellationToken);
        return new RecordDraft(footprint, pdf.ToArray(), DataDates(layers.Catalog, footprint.Report));
    }

    /// <summary>
    /// The dates of the data a report was checked against: the policy's <c>policyVersion</c>, each layer's provenance
    /// date (empty for schematic layers), and the last-modified time (UTC) of catalog.json, policy.json and each layer file.
    /// </summary>
    public static string DataDates(LayerCatalog catalog, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(report);
        var layers = new Dictionary<string, object?>();
        foreach (var layer in report.Layers)
        {
            var definition = catalog.Find(layer.LayerId);
            layers[layer.LayerId] = new Dictionary<string, object?>
            {
                ["date"] = layer.Date,
                ["version"] = layer.Version,
                ["modified"] = definition is null ? null : Modified(catalog.FullPath(definition)),
            };
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["catalog"] = new Dictionary<string, object?> { ["modified"] = Modified(catalog.PathOf(LayerCatalog.FileName)) },
            ["policy"] = new Dictionary<string, object?> { ["version"] = report.Settings.PolicyVersion, ["modified"] = Modified(catalog.PathOf(CheckPolicy.FileName)) },
            ["layers"] = layers,
        }, GivenSettings.Json);
    }

    private static string? Modified(string path) =>
        File.Exists(path) ? File.GetLastWriteTimeUtc(path).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
}
