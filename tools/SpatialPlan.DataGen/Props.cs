namespace SpatialPlan.DataGen;

/// <summary>Ordered feature properties (insertion order is the output order, so files are stable).</summary>
public sealed class Props : List<KeyValuePair<string, object?>>
{
    public Props Add(string key, object? value)
    {
        Add(new KeyValuePair<string, object?>(key, value));
        return this;
    }

    /// <summary>The properties every schematic feature carries.</summary>
    public static Props Schematic(string id, string name, string? nameEn, string basis) =>
        new Props()
            .Add("id", id)
            .Add("name", name)
            .Add("nameEn", nameEn)
            .Add("schematic", true)
            .Add("basis", basis)
            .Add("source", Sources.Schematic);
}
