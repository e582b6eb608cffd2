using BenchmarkDotNet.Running;
using SpatialPlan.Bench;

// `--areas FILE` writes the overlap areas once (outside any timed loop) for bench/scripts/compare.py;
// `--stages` prints where a check spends its time; `--issue8-warm DATA FOOTPRINTS OUT.json [REPS] [WARMUP]` is
// issue 8's warm check at 1M (Issue8Warm.cs, run by bench/run-issue8.sh); everything else goes to BenchmarkDotNet
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

if (args.Length is >= 4 and <= 6 && args[0] == "--issue8-warm")
{
    return Issue8Warm.Run(args[1], args[2], args[3],
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 21,
        args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create());
return 0;
