namespace SpatialPlan.DataGen;

/// <summary>Command-line options of the generator.</summary>
public sealed record GenOptions(string Out, string? RefDir, int? FarmlandParcels, bool FarmlandOnly, string DataDir,
    bool SkipSamples, bool? GeoJsonOption)
{
    public const string Usage =
        "usage: dotnet run --project tools/SpatialPlan.DataGen -- --out gis-data [--ref /work/shared/reference-data] [--skip-samples]\n" +
        "       dotnet run --project tools/SpatialPlan.DataGen -- --farmland-only --out gis-data [--data gis-data]\n" +
        "       dotnet run --project tools/SpatialPlan.DataGen -- --farmland-only --farmland-parcels 1000000 --out DIR [--data gis-data]\n" +
        "  --geojson / --no-geojson: also write (or not) an EPSG:4490 GeoJSON copy of the farmland; the default writes one\n" +
        "  only with --farmland-parcels (benchmark data), since the catalog reads the embedded farmland from its GeoPackage";

    /// <summary>Whether to write the EPSG:4490 GeoJSON copies: as asked, else only for benchmark data.</summary>
    public bool GeoJson => GeoJsonOption ?? FarmlandParcels is not null;

    public static GenOptions Parse(string[] args)
    {
        string? outDir = null, refDir = null, dataDir = "gis-data";
        int? parcels = null;
        var farmlandOnly = false;
        var skipSamples = false;
        bool? geoJson = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--out": outDir = Next(); break;
                case "--ref": refDir = Next(); break;
                case "--data": dataDir = Next(); break;
                case "--farmland-only": farmlandOnly = true; break;
                case "--skip-samples": skipSamples = true; break;
                case "--no-geojson": geoJson = false; break;
                case "--geojson": geoJson = true; break;
                case "--farmland-parcels":
                    parcels = int.TryParse(Next(), out var n) && n > 0
                        ? n
                        : throw new ArgumentException("--farmland-parcels needs a positive whole number");
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new GenOptions(outDir ?? throw new ArgumentException("--out is required"), refDir, parcels, farmlandOnly,
            dataDir, skipSamples, geoJson);
    }
}
