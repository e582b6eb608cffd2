using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan users add NAME --role ROLE</c> as a process, the password on standard input (there is no password
/// option): the account is in the store with a hashed password, the change is in the audit trail, and bad input exits 2.
/// </summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spatialplan-cli-users-").FullName;
    private readonly string _data;

    public UsersCommandTests()
    {
        var fixture = Path.Combine(TestDataDirectory.RepoRoot, "tests", "SpatialPlan.App.Tests", "TestData", "gis-data");
        _data = Path.Combine(_root, "gis-data");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(fixture, f).StartsWith("records", StringComparison.Ordinal)))
        {
            var target = Path.Combine(_data, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void AddReadsThePasswordFromStandardInputStoresItHashedAndLogsTheChange()
    {
        var added = Run("first-admin-pass\n", "users", "add", "zhao.admin", "--role", "admin", "--data", _data);

        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Contains("zhao.admin", added.Stdout, StringComparison.Ordinal);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "records", "records.sqlite")};Pooling=False"))
        {
            connection.Open();
            using var command = new SqliteCommand("SELECT role || ' ' || password_hash FROM users WHERE name = 'zhao.admin'", connection);
            var row = (string)command.ExecuteScalar()!;
            Assert.StartsWith("admin AQAAAA", row, StringComparison.Ordinal); // ASP.NET Core Identity's v3 format (PBKDF2)
            Assert.DoesNotContain("first-admin-pass", row, StringComparison.Ordinal);
        }

        var list = JsonDocument.Parse(Run(string.Empty, "users", "list", "--format", "json", "--data", _data).Stdout).RootElement;
        Assert.Equal("admin", Assert.Single(list.EnumerateArray()).GetProperty("role").GetString());
        var audit = Run(string.Empty, "audit", "export", "--data", _data).Stdout;
        Assert.Contains("user.change", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("first-admin-pass", audit, StringComparison.Ordinal);
        Assert.Equal(0, Run(string.Empty, "audit", "verify", "--data", _data).ExitCode);
    }

    [Fact]
    public void RoleDisableEnableAndPasswordChangeTheAccountRefuseTheLastAdminAndAreAudited()
    {
        Assert.Equal(0, Run("first-admin-pass\n", "users", "add", "zhao.admin", "--role", "admin", "--data", _data).ExitCode);
        Assert.Equal(0, Run("checker-pass-1\n", "users", "add", "qian.checker", "--role", "checker", "--data", _data).ExitCode);

        var lastAdmin = Run(string.Empty, "users", "disable", "zhao.admin", "--data", _data);
        Assert.Equal(2, lastAdmin.ExitCode);
        Assert.Contains("唯一", lastAdmin.Stderr, StringComparison.Ordinal);
        var unknown = Run(string.Empty, "users", "role", "nobody", "--role", "viewer", "--data", _data);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("users list", unknown.Stderr, StringComparison.Ordinal);

        var role = Run(string.Empty, "users", "role", "qian.checker", "--role", "viewer", "--data", _data);
        Assert.True(role.ExitCode == 0, role.Stderr);
        Assert.Contains("查看", role.Stdout, StringComparison.Ordinal);
        var disable = Run(string.Empty, "users", "disable", "qian.checker", "--reason", "调离", "--data", _data);
        Assert.True(disable.ExitCode == 0, disable.Stderr);
        Assert.Contains("已停用", disable.Stdout, StringComparison.Ordinal);
        var list = JsonDocument.Parse(Run(string.Empty, "users", "list", "--format", "json", "--data", _data).Stdout).RootElement;
        var qian = list.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "qian.checker");
        Assert.Equal("viewer", qian.GetProperty("role").GetString());
        Assert.True(qian.GetProperty("disabled").GetBoolean());

        Assert.Equal(0, Run(string.Empty, "users", "enable", "qian.checker", "--data", _data).ExitCode);
        Assert.Equal(2, Run("short\n", "users", "password", "qian.checker", "--data", _data).ExitCode);
        Assert.Equal(0, Run("a-new-password\n", "users", "password", "qian.checker", "--data", _data).ExitCode);

        var audit = Run(string.Empty, "audit", "export", "--data", _data).Stdout;
        Assert.Equal(6, audit.Split('\n').Count(line => line.Contains("user.change", StringComparison.Ordinal))); // add ×2, role, disable, enable, password
        Assert.DoesNotContain("a-new-password", audit, StringComparison.Ordinal);
        Assert.Equal(0, Run(string.Empty, "audit", "verify", "--data", _data).ExitCode);
    }

    [Theory]
    [InlineData("", "--role", "admin", "没有密码")]
    [InlineData("short\n", "--role", "admin", "密码太短")]
    [InlineData("long-enough-pass\n", "--role", "boss", "角色")]
    public void BadInputExits2WithWhatToDo(string stdin, string option, string role, string expected)
    {
        var run = Run(stdin, "users", "add", "li.someone", option, role, "--data", _data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePasswordIsNeverAnArgument()
    {
        var run = Run("x\n", "users", "add", "li.someone", "--role", "admin", "--password", "secret-pass", "--data", _data);

        Assert.Equal(2, run.ExitCode);
    }

    private static CliRun Run(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "spatialplan"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return new CliRun(-1, stdout.Result, "timed out; " + stderr.Result);
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
