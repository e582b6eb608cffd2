// spatialplan — the SpatialPlan command line. Each command lives in Commands/:
//   check <footprint-file>   site check against the zone layers (CheckCommand)
//   layers                   list the data directory's layers (LayersCommand)
//   validate <file>          read a file and report CRS, axes and repairs (ValidateCommand)
// (render, and check --pdf, come with SpatialPlan.Rendering.) Exit codes: see ExitCodes.
return SpatialPlan.Cli.CliApp.Run(args, Console.Out, Console.Error);
