using System.Text.Json;
using System.Text.Json.Serialization;
using SpatialPlan.Core.Import;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Core;

/// <summary>
/// Source-generated JSON metadata for styles.json and the import report: types with nullable or other value-type
/// members, whose metadata the Native AOT build of the CLI (scripts/publish-cli.sh) cannot make by reflection at run time
/// ("JsonPropertyInfo&lt;Nullable&lt;Double&gt;&gt; is missing native code"). The attribute's options are the data files'
/// lenient reading (comments, trailing commas, any case); the import report makes its own instance with its writing
/// options (<see cref="ImportReport"/>). catalog.json stays on reflection: its init-only members with side effects
/// (<c>LayerDefinition.SourceJson</c>) would be called with null by generated code when the entry leaves them out.
/// GeoJSON geometries go through NetTopologySuite's converters, which need no generated metadata.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, LayerStyle>))]
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class CoreJson : JsonSerializerContext;
