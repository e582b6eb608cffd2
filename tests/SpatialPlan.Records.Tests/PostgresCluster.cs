using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SpatialPlan.Records.Tests;

/// <summary>
/// A throw-away PostgreSQL cluster for the records tests: initdb into a temp folder, started on a free loopback port
/// (as the postgres user when the tests run as root, since initdb refuses root), stopped and deleted at the end. Each
/// test gets a database of its own. <see cref="SkipReason"/> says why there is none (no PostgreSQL binaries).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string? _dir;
    private readonly string? _bin;

    public PostgresCluster()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => System.IO.Path.Combine(d, "bin")).Where(d => File.Exists(System.IO.Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_bin is null)
        {
            SkipReason = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql-15 to run the records suite against PostgreSQL.";
            return;
        }

        _dir = Directory.CreateTempSubdirectory("spatialplan-pg-").FullName;
        var data = System.IO.Path.Combine(_dir, "data");
        var sockets = System.IO.Path.Combine(_dir, "run");
        Directory.CreateDirectory(sockets);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "-R", "postgres:postgres", _dir);
        }

        Port = FreePort();
        Pg(asRoot, "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        Pg(asRoot, "pg_ctl", "-D", data, "-w", "-l", System.IO.Path.Combine(_dir, "log"), "-o",
            $"-p {Port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        Started = true;
    }

    public int Port { get; }

    public bool Started { get; }

    public string? SkipReason { get; }

    /// <summary>A new, empty database on the cluster; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(Connection("postgres")))
        {
            admin.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            command.ExecuteNonQuery();
        }

        return Connection(name);
    }

    public string Connection(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    public void Dispose()
    {
        if (_dir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (Started)
        {
            try
            {
                Pg(Environment.UserName == "root", "pg_ctl", "-D", System.IO.Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Pg(bool asRoot, string tool, params string[] args)
    {
        var path = System.IO.Path.Combine(_bin!, tool);
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stderr} {stdout.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
