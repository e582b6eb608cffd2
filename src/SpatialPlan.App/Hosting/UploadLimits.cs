using Microsoft.Extensions.Options;

namespace SpatialPlan.App.Hosting;

/// <summary>The wording of the upload limit, shared by the endpoint and the exception handler.</summary>
public static class UploadLimits
{
    public static string TooLargeMessage(HttpContext context)
    {
        var mb = context.RequestServices.GetRequiredService<IOptions<SpatialPlanOptions>>().Value.MaxUploadMegabytes;
        return TooLargeMessage(mb);
    }

    public static string TooLargeMessage(int megabytes) =>
        $"上传的文件超过 {megabytes} MB 的上限。请只上传项目用地范围（不要整个图层），或把 Shapefile 压缩为 .zip 后再上传。" +
        $" The upload exceeds the {megabytes} MB limit. Upload only the project's footprint (not a whole layer), or zip the Shapefile.";
}
