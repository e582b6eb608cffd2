using System.Data.Common;

namespace SpatialPlan.Records.Store;

/// <summary>Small ADO.NET helpers shared by both dialects: named parameters (<c>@name</c>), nulls as DBNull.</summary>
internal static class Db
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    public static int Execute(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> Query<T>(this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static string? Text(this DbDataReader r, string column) => r[column] is string s ? s : null;

    public static string RequiredText(this DbDataReader r, string column) => Convert.ToString(r[column], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static long Long(this DbDataReader r, string column) => Convert.ToInt64(r[column], System.Globalization.CultureInfo.InvariantCulture);

    public static long? NullableLong(this DbDataReader r, string column) => r[column] is DBNull ? null : Convert.ToInt64(r[column], System.Globalization.CultureInfo.InvariantCulture);

    public static double? NullableDouble(this DbDataReader r, string column) => r[column] is DBNull ? null : Convert.ToDouble(r[column], System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Bytes(this DbDataReader r, string column) => r[column] as byte[] ?? [];
}
