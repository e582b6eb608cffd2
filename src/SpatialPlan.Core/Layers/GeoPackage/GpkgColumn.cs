using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SpatialPlan.Core.Layers.GeoPackage;

/// <summary>The kind of value an attribute column holds.</summary>
public enum GpkgColumnType
{
    /// <summary>TEXT.</summary>
    Text,

    /// <summary>REAL (a double).</summary>
    Real,

    /// <summary>INTEGER (a 64-bit integer).</summary>
    Integer,

    /// <summary>BOOLEAN (stored as 0/1).</summary>
    Boolean,
}

/// <summary>One attribute column of a GeoPackage feature table.</summary>
/// <param name="Name">Column name: letters (any script), digits, '_' and '-', not starting with a digit.</param>
/// <param name="Type">What it holds.</param>
public sealed partial record GpkgColumn(string Name, GpkgColumnType Type)
{
    internal string SqlType => Type switch
    {
        GpkgColumnType.Real => "DOUBLE",
        GpkgColumnType.Integer => "INTEGER",
        GpkgColumnType.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    internal SqliteType Sqlite => Type switch
    {
        GpkgColumnType.Real => SqliteType.Real,
        GpkgColumnType.Integer or GpkgColumnType.Boolean => SqliteType.Integer,
        _ => SqliteType.Text,
    };

    /// <summary>The column type GeoPackage declares as <paramref name="sqlType"/> (anything unknown reads as text).</summary>
    internal static GpkgColumnType FromSql(string sqlType) => sqlType.ToUpperInvariant() switch
    {
        "DOUBLE" or "REAL" or "FLOAT" or "NUMERIC" => GpkgColumnType.Real,
        "INTEGER" or "INT" or "MEDIUMINT" or "SMALLINT" or "TINYINT" => GpkgColumnType.Integer,
        "BOOLEAN" => GpkgColumnType.Boolean,
        _ => GpkgColumnType.Text,
    };

    internal object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        string s when Type == GpkgColumnType.Text => s,
        bool b when Type is GpkgColumnType.Boolean or GpkgColumnType.Integer => b ? 1L : 0L,
        IConvertible c when Type == GpkgColumnType.Real => c.ToDouble(CultureInfo.InvariantCulture),
        IConvertible c when Type is GpkgColumnType.Integer or GpkgColumnType.Boolean => c.ToInt64(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static void CheckName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"{what} name \"{name}\" must be letters, digits, '_' or '-', not starting with a digit", what);
        }
    }

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_\-]*$")]
    private static partial Regex NamePattern();
}
