namespace SpatialPlan.Core.Tests;

/// <summary>
/// The one wall-clock limit unit tests use: it catches a hang or a quadratic blow-up (minutes), never a
/// slow machine. Speed itself is measured in bench/ (side by side with GDAL and PostGIS, with the load
/// stated); CI runs these tests on 2 busy cores, where a 3 s limit failed on a 0.3 s operation.
/// </summary>
internal static class HangGuard
{
    public const int Milliseconds = 30_000;
}
