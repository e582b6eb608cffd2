namespace SpatialPlan.Hostile;

/// <summary>One hostile input: a file as a planner (or an attacker) would upload it, and the options that go with it.</summary>
/// <param name="Name">Unique, readable id (e.g. <c>geojson/bom</c>).</param>
/// <param name="Class">The issue-12 class it belongs to (e.g. <c>nan-inf</c>, <c>zip-bomb</c>).</param>
/// <param name="FileName">The file name it is uploaded under; its extension picks the reader.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record HostileInput(string Name, string Class, string FileName, byte[] Bytes)
{
    /// <summary>Full width of a line footprint (CLI <c>--width</c>, API <c>width</c>), when the input needs one.</summary>
    public string? Width { get; init; }

    /// <summary>Radius of a point footprint (CLI <c>--radius</c>, API <c>radius</c>).</summary>
    public string? Radius { get; init; }

    /// <summary>Declared CRS (CLI <c>--crs</c>, API <c>crs</c>).</summary>
    public string? Crs { get; init; }

    /// <summary>Large or slow to make: run only under <c>Category=HostileLarge</c>.</summary>
    public bool Large { get; init; }

    /// <summary>The CLI options for <c>check</c>, after the file and the data folder.</summary>
    public IEnumerable<string> CheckOptions()
    {
        yield return "--type";
        yield return "urban";
        foreach (var (option, value) in Options())
        {
            yield return "--" + option;
            yield return value;
        }
    }

    /// <summary>The same options as API form fields / query values.</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        yield return ("type", "urban");
        foreach (var option in Options())
        {
            yield return option;
        }
    }

    private IEnumerable<(string, string)> Options()
    {
        if (Width is not null)
        {
            yield return ("width", Width);
        }

        if (Radius is not null)
        {
            yield return ("radius", Radius);
        }

        if (Crs is not null)
        {
            yield return ("crs", Crs);
        }
    }

    public override string ToString() => Name;
}
