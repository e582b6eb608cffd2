// spatialplan — the SpatialPlan command line. Each command lives in Commands/:
//   check <footprint-file>   site check against the zone layers, optionally --pdf report (CheckCommand)
//   layers                   list the data directory's layers (LayersCommand)
//   validate <file>          read a file and report CRS, axes and repairs (ValidateCommand)
//   render --out FILE        a map sheet as PDF or PNG (RenderCommand)
// Exit codes: see ExitCodes.
using SpatialPlan.Cli;

// The work budget stops cooperative loops (CliApp); this watchdog ends a process whose work did not stop
// (a native call, a loop that does not look at the token) a little later, with the same message: never a hang.
TimeSpan budget;
try
{
    budget = WorkBudget.FromEnvironment();
}
catch (SpatialPlan.Core.Sources.InputException e)
{
    Console.Error.WriteLine($"输入有误（bad input）：{e.Message}");
    return ExitCodes.BadInput;
}

using var watchdog = new Timer(
    _ =>
    {
        Console.Error.WriteLine($"输入有误（over budget）：{WorkBudget.Message(budget)}");
        Environment.Exit(ExitCodes.BadInput);
    },
    null, budget + WorkBudget.Grace(budget), Timeout.InfiniteTimeSpan);
return CliApp.Run(args, Console.Out, Console.Error);
