using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Records.Book;

/// <summary>
/// The settings of a check as the planner gave them (each null when not given), kept with every record version so that
/// a re-check resolves them against the file's own properties exactly as the first check did.
/// </summary>
/// <param name="Project">Kind, majors, width, radius, name, builder, project code as given.</param>
/// <param name="DeclaredEpsg">The CRS the planner declared, or null (detected).</param>
/// <param name="ProximityOverrideM">The proximity override (metres), or null.</param>
public sealed record GivenSettings(ProjectSettings Project, int? DeclaredEpsg = null, double? ProximityOverrideM = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // The stored settings' metadata is source-generated (its nullable numbers need it in the Native AOT CLI), written with Json's options.
    private static readonly StoredJson StoredContext = new(new JsonSerializerOptions(Json));

    public string ToJson() => JsonSerializer.Serialize(new Stored(Project.Kind, Project.Majors?.ToList(), Project.WidthM, Project.RadiusM, Project.Name,
        Project.Builder, Project.ProjectCode, DeclaredEpsg, ProximityOverrideM), StoredContext.Stored);

    public static GivenSettings FromJson(string json)
    {
        var s = JsonSerializer.Deserialize(json, StoredContext.Stored) ?? throw new JsonException("empty settings");
        return new GivenSettings(new ProjectSettings(s.Kind, s.Majors, null, s.WidthM, s.RadiusM, s.ProjectName, s.Builder, s.ProjectCode), s.Crs, s.ProximityM);
    }

    internal sealed record Stored(string? Kind, List<string>? Majors, double? WidthM, double? RadiusM, string? ProjectName, string? Builder,
        string? ProjectCode, int? Crs, double? ProximityM);
}

[JsonSerializable(typeof(GivenSettings.Stored))]
internal sealed partial class StoredJson : JsonSerializerContext;
