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
    // Benchmark data: the farmland of the committed gis-data, cut finer, written to another folder.
    var source = options.DataDir;
    var world = Generator.BuildWorld(Path.Combine(source, "layers"), writeTo: null);
    SampleProjects.Plan(world);
    Generator.WriteFarmland(world, layers, options.FarmlandParcels ?? 100_000);
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

var w = Generator.BuildWorld(layers, writeTo: layers);
var samples = SampleProjects.Plan(w);
Generator.WriteFarmland(w, layers, options.FarmlandParcels);
if (!options.SkipSamples)
{
    SampleWriter.Write(samples, options.Out);
}

return 0;
