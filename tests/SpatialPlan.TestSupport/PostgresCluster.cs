using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SpatialPlan.TestSupport;

/// <summary>
/// A throw-away PostgreSQL cluster with PostGIS for tests: <c>initdb</c> into a fresh temporary folder, a free loopback
/// port, <c>pg_ctl … -c listen_addresses=127.0.0.1 -p PORT -k DIR -w start</c>, <c>CREATE EXTENSION postgis</c>; stopped
/// and deleted by <see cref="Dispose"/>. No root is needed, and none is used: PostgreSQL refuses to run as root, so when
/// the tests run as root (as CI does) the server runs as the <c>postgres</c> user that the Debian package creates
/// (<c>runuser -u postgres</c>), in a folder handed to that user.
/// <para>
/// Where PostgreSQL or PostGIS is not installed, <see cref="Start"/> returns null and <see cref="SkipReason"/> says what is
/// missing and how to install it, so tests can skip with that reason. Where they are installed, a cluster that fails to
/// start is a test failure, not a skip.
/// </para>
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _root;
    private readonly string _bin;
    private readonly string? _runAs;
    private bool _disposed;

    private PostgresCluster(string root, string bin, string? runAs, int port)
    {
        _root = root;
        _bin = bin;
        _runAs = runAs;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Timeout=10";
    }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>A Npgsql connection string for the superuser <c>postgres</c> (trust authentication on loopback).</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a new cluster, or returns null with the reason when PostgreSQL or PostGIS is not installed.</summary>
    /// <exception cref="InvalidOperationException">They are installed but the cluster did not start (the log is in the message).</exception>
    public static PostgresCluster? Start(out string? skipReason)
    {
        var bin = FindBin();
        if (bin is null)
        {
            skipReason = "PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin or $SPATIALPLAN_PG_BIN): apt-get install -y postgresql-15-postgis-3";
            return null;
        }

        var version = Path.GetFileName(Path.GetDirectoryName(bin)!);
        if (!File.Exists($"/usr/share/postgresql/{version}/extension/postgis.control") &&
            !File.Exists(Path.Combine(Path.GetDirectoryName(bin)!, "share", "extension", "postgis.control")))
        {
            skipReason = $"PostGIS is not installed for PostgreSQL {version}: apt-get install -y postgresql-{version}-postgis-3";
            return null;
        }

        string? runAs = null;
        if (Environment.UserName == "root" || GetEffectiveUserId() == 0)
        {
            if (!UserExists("postgres") || !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
            {
                skipReason = "running as root, and there is no 'postgres' user (or no runuser) to run PostgreSQL as: install postgresql-15, which creates it";
                return null;
            }

            runAs = "postgres";
        }

        skipReason = null;
        var root = Path.Combine(Path.GetTempPath(), "sp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (runAs is not null)
        {
            Run("chown", [$"{runAs}:", root], null, root);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(root, bin, runAs, port);
        try
        {
            cluster.Pg("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            cluster.Pg("pg_ctl", "-D", cluster.Data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
            using var connection = new NpgsqlConnection(cluster.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
            command.ExecuteNonQuery();
            return cluster;
        }
        catch (Exception e)
        {
            var log = File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : string.Empty;
            cluster.Dispose();
            throw new InvalidOperationException($"PostgreSQL is installed but the throw-away cluster did not start: {e.Message}\n{log}", e);
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"; ", connection);
            command.ExecuteNonQuery();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name };
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE EXTENSION postgis", connection);
            command.ExecuteNonQuery();
        }

        return builder.ConnectionString;
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                Pg("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private string Data => Path.Combine(_root, "data");

    private void Pg(string tool, params string[] args)
    {
        var program = Path.Combine(_bin, tool);
        if (_runAs is null)
        {
            Run(program, args, null, _root);
        }
        else
        {
            Run("runuser", ["-u", _runAs, "--", program, .. args], null, _root);
        }
    }

    private static string Run(string program, string[] args, string? input, string workingDirectory)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory, UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish in 120 s");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        return stdout.Result;
    }

    private static string? FindBin()
    {
        // SPATIALPLAN_PG_BIN names another server's bin folder (or, pointing nowhere, shows the tests skipping).
        if (Environment.GetEnvironmentVariable("SPATIALPLAN_PG_BIN") is { Length: > 0 } bin)
        {
            return File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")) ? bin : null;
        }

        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin", "initdb"))
            .Where(f => File.Exists(f) && File.Exists(Path.Combine(Path.GetDirectoryName(f)!, "pg_ctl")))
            .OrderByDescending(f => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f))), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault() is { } initdb ? Path.GetDirectoryName(initdb) : null;
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static uint GetEffectiveUserId()
    {
        try
        {
            // /proc/self/status: "Uid:	real	effective	saved	fs".
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line is not null && uint.TryParse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var uid) ? uid : uint.MaxValue;
        }
        catch (IOException)
        {
            return uint.MaxValue;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
