using BenchmarkDotNet.Running;
using SpatialPlan.Bench;

// `--areas FILE` writes the overlap areas once (outside any timed loop) for bench/scripts/compare.py;
// `--stages` prints where a check spends its time; everything else goes to BenchmarkDotNet
// (e.g. `--filter '*'`, `--list flat`).
if (args.Length == 2 && args[0] == "--areas")
{
    AreaReport.Write(args[1]);
    return 0;
}

if (args.Length == 1 && args[0] == "--stages")
{
    StageProfile.Print();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create());
return 0;
