using System.Globalization;
using SpatialPlan.DataGen;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

GenOptions options;
try
{
    options = GenOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(GenOptions.Usage);
    return 2;
}

var layers = Path.Combine(options.Out, "layers");
if (options.FarmlandOnly)
{
    // The build-time step (and benchmark data): the farmland of the committed gis-data (read from --data), written to
    // --out. Only one generator writes a folder at a time (two builds may start it at once).
    var clock = new Clock();
    using var gate = FarmlandLock.Acquire(layers);
    FarmlandLayers.UseWorkingCrsOf(options.DataDir);
    var world = Generator.BuildWorld(Path.Combine(options.DataDir, "layers"), writeTo: null);
    SampleProjects.Plan(world);
    Generator.WriteFarmland(world, layers, options.FarmlandParcels, options.GeoJson);
    Console.WriteLine($"农田图层已生成 farmland layers generated in {clock} -> {layers}");
    return 0;
}

if (options.RefDir is not null)
{
    BaseLayers.Copy(options.RefDir, layers);
    Console.WriteLine($"copied base layers from {options.RefDir}");
}

if (!File.Exists(Path.Combine(layers, "banner-boundary.geojson")))
{
    Console.Error.WriteLine($"缺少基础图层 {layers}/banner-boundary.geojson：请加 --ref <reference-data 目录> 先复制真实基础数据。");
    Console.Error.WriteLine($"The base layers are missing in {layers}: add --ref <reference-data folder> to copy them first.");
    return 2;
}

using (FarmlandLock.Acquire(layers))
{
    FarmlandLayers.UseWorkingCrsOf(options.Out);
    var w = Generator.BuildWorld(layers, writeTo: layers);
    var samples = SampleProjects.Plan(w);
    Generator.WriteFarmland(w, layers, options.FarmlandParcels, options.GeoJson);
    if (!options.SkipSamples)
    {
        SampleWriter.Write(samples, options.Out);
    }
}

return 0;
