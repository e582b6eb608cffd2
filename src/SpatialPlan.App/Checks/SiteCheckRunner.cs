using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Checks;

/// <summary>
/// Hands an upload to Core, exactly as the CLI's <c>check</c> does: FeatureFileReader → SiteCheck.Run (settings: the
/// request's, else the file's) → CheckReportJson. The zone layers and their indexes are loaded once and shared.
/// </summary>
/// <param name="data">The data folder's catalog and layer store.</param>
/// <param name="clock">The clock the report's check time comes from; the system clock unless one is registered.</param>
public sealed class SiteCheckRunner(Layers.PlanData data, TimeProvider? clock = null)
{
    // The same LayerStore the sheet and report renderers draw from: each layer is read and indexed once.
    private readonly Lazy<SiteCheck> _check = new(() => SiteCheck.From(data.Store, clock));

    /// <summary>The site check (its policy answers <c>GET /api/kinds</c> and <c>/api/rules</c>).</summary>
    public SiteCheck Check() => _check.Value;

    /// <summary>The report JSON of docs/rules-model.md §6, byte for byte what <c>spatialplan check --format json</c> prints.</summary>
    /// <exception cref="InputException">The file cannot be used; the message says why and how to fix it.</exception>
    public string Run(CheckUpload upload, CancellationToken cancellationToken = default) => CheckReportJson.Serialize(Check(upload, cancellationToken));

    /// <summary>The report itself (for the PDF and the CSV); the uploaded bytes are hashed for the report's settings.</summary>
    /// <exception cref="InputException">The file cannot be used.</exception>
    public CheckReport Check(CheckUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        _check.Value.CheckGiven(upload.Given);
        using var stream = new MemoryStream(upload.Content, writable: false);
        var load = FeatureFileReader.Read(stream, upload.FileName, new ReadOptions(upload.DeclaredEpsg) { Area = _check.Value.Area }, cancellationToken);
        return _check.Value.Run(load, upload.Given, CheckInput.Of(upload.FileName, upload.Content), upload.DeclaredEpsg, cancellationToken: cancellationToken);
    }
}
