using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>What a report is printed from: Core's report model, the project's name as the planner gives it, the issue date.</summary>
/// <param name="Report">The site check's one report model; every word and figure comes from it.</param>
/// <param name="ProjectName">The project's name (the footprint's name, else the file name).</param>
/// <param name="IssueDate">出具日期.</param>
internal sealed record ReportContext(CheckReport Report, string ProjectName, DateOnly IssueDate)
{
    public const string Title = "建设项目选址与“三区三线”等管控要素初步核查报告";

    /// <summary>What the report is not, printed under the title.</summary>
    public const string NotAPermitZh = "本报告为选址初步核查意见，供方案比选和报批准备参考，不代替用地预审与选址意见书";
}
