// spatialplan — the SpatialPlan command line. Each command lives in Commands/:
//   check <footprint-file>   site check against the zone layers, optionally --pdf report (CheckCommand)
//   layers                   list the data directory's layers (LayersCommand)
//   validate <file>          read a file and report CRS, axes and repairs (ValidateCommand)
//   render --out FILE        a map sheet as PDF or PNG (RenderCommand)
// Exit codes: see ExitCodes.
return SpatialPlan.Cli.CliApp.Run(args, Console.Out, Console.Error);
