using System.CommandLine;
using System.Globalization;
using SpatialPlan.Cli.Commands;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Cli;

/// <summary>The command tree and the one place errors become exit codes. Tests call <see cref="Run"/> in-process.</summary>
internal static class CliApp
{
    /// <summary>Runs the CLI with the given arguments, writing to the given writers. Never throws.</summary>
    /// <remarks>The command's work is held to <see cref="WorkBudget"/>; a command over it exits 2 with the budget's message.</remarks>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Numbers in tables, reports and messages are written one way (1,234.5) whatever the machine's locale.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var budget = TimeSpan.Zero;
        using var work = new CancellationTokenSource();
        try
        {
            budget = WorkBudget.FromEnvironment();
            work.CancelAfter(budget);
            var root = new RootCommand("SpatialPlan 国土空间规划要素与项目选址冲突检查（任一县级数据目录，见 spatialplan init）— site-conflict checker for a county's spatial plan")
            {
                CheckCommand.Create(),
                RenderCommand.Create(),
                LayersCommand.Create(),
                ValidateCommand.Create(),
                KindsCommand.Create(),
                RulesCommand.Create(),
                RecordsCommand.Create(),
                RecheckCommand.Create(),
                AuditCommand.Create(),
                UsersCommand.Create(),
                InitCommand.Create(),
                ImportCommand.Create(),
            };
            CommonOptions.UseStrictNumbers(root);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine($"命令行参数有误（usage error）：{error.Message}");
                }

                stderr.WriteLine("用 spatialplan --help 或 spatialplan <命令> --help 查看用法。");
                return ExitCodes.BadInput;
            }

            // Async actions get the budget's token; synchronous ones run as before.
            return parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, work.Token)
                .GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            stderr.WriteLine($"输入有误（over budget）：{WorkBudget.Message(budget)}");
            return ExitCodes.BadInput;
        }
        catch (RenderBudgetException e)
        {
            // A sheet over its pixel, hatch or label budget: the planner can change the extent, dpi or layers.
            stderr.WriteLine($"输入有误（over budget）：{e.Message}");
            return ExitCodes.BadInput;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"输入有误（bad input）：{e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Records.Store.StoreUnavailableException e)
        {
            // A read-only or full disk, an unreachable database: the planner or the administrator can fix it.
            stderr.WriteLine($"台账库不可用（records store unavailable）：{e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Records.Book.RecordNotFoundException e)
        {
            stderr.WriteLine($"输入有误（bad input）：{e.Message} 处理办法：用 spatialplan records list 查看台账编号。");
            return ExitCodes.BadInput;
        }
        catch (Records.Book.RecordConflictException e)
        {
            stderr.WriteLine($"输入有误（bad input）：{e.Message}");
            return ExitCodes.BadInput;
        }
        catch (MissingGlyphException e)
        {
            // A --title or project name with characters the PDF font lacks: the planner can change the text.
            stderr.WriteLine($"输入有误（bad input）：{e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            // No stack trace for a planner; the type and message are enough to report the bug.
            stderr.WriteLine($"内部错误（internal error, {e.GetType().Name}）：{e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.InternalError;
        }
    }
}
