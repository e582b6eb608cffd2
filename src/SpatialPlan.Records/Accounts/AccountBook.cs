using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using SpatialPlan.Core.Sources;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records.Accounts;

/// <summary>The roles of issue 11 §6, each including the one before it.</summary>
public static class Roles
{
    /// <summary>Looks: the map, layers, records, reports.</summary>
    public const string Viewer = "viewer";

    /// <summary>Checks and saves (and re-checks, withdraws, exports).</summary>
    public const string Checker = "checker";

    /// <summary>Users and data.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Checker, Admin];

    /// <summary>0 viewer, 1 checker, 2 admin; -1 for anything else.</summary>
    public static int Rank(string? role) => role switch { Viewer => 0, Checker => 1, Admin => 2, _ => -1 };

    /// <summary>Whether <paramref name="role"/> may do what <paramref name="needed"/> may.</summary>
    public static bool Allows(string? role, string needed) => Rank(role) >= Rank(needed) && Rank(needed) >= 0;

    /// <summary>A role as typed, or an <see cref="InputException"/> that lists the roles.</summary>
    public static string Parse(string? text)
    {
        var role = text?.Trim().ToLowerInvariant();
        return role is not null && All.Contains(role)
            ? role
            : throw new InputException($"角色“{text}”无效（unknown role）。", "角色只能是 viewer（查看）、checker（核查、保存）或 admin（用户、数据）。 The role is viewer, checker or admin.");
    }

    public static string Zh(string role) => role switch { Viewer => "查看", Checker => "核查", Admin => "管理员", _ => role };
}

/// <summary>A sign-in account as stored.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Role">viewer, checker or admin.</param>
/// <param name="Stamp">Changes with every change to the account; sign-in cookies carry it.</param>
/// <param name="CreatedAt">Store time text.</param>
/// <param name="Disabled">Whether the account is disabled.</param>
public sealed record Account(string Name, string Role, string Stamp, string CreatedAt, bool Disabled);

/// <summary>
/// The accounts of server mode (issue 11 §6), in the records store's <c>users</c> table: passwords hashed by ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2), every change and every sign-in (successful or not) an audit
/// entry. The table also names the OS users of the CLI and <c>local</c> (the app on loopback); those have no password.
/// </summary>
public sealed class AccountBook(RecordStore store)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;

    private static readonly PasswordHasher<string> Hasher = new();

    // Verified against when the name is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword("-", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>
    /// Creates an account (or gives a password and role to a name the trail already knows as an OS user), as one write with
    /// its audit entry (<see cref="AuditActions.UserChange"/>; the entry holds no password or hash).
    /// </summary>
    /// <exception cref="InputException">A bad name, role or password, or the account exists.</exception>
    /// <exception cref="StoreUnavailableException">The store cannot be written.</exception>
    public Account Add(string name, string role, string password, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        name = CheckName(name);
        role = Roles.Parse(role);
        CheckPassword(password);
        var hash = Hasher.HashPassword(name, password);
        return store.Write((c, t) =>
        {
            var existing = c.Query(t, "SELECT kind FROM users WHERE name = @n", r => r.RequiredText("kind"), ("n", name)).FirstOrDefault();
            if (existing == "account")
            {
                throw new InputException($"用户“{name}”已存在（the account exists）。", "换一个用户名。 Choose another name.");
            }

            var now = store.Now();
            var stamp = NewStamp();
            if (existing is null)
            {
                c.Execute(t, "INSERT INTO users (name, kind, role, password_hash, created_at, stamp, updated_at) VALUES (@n, 'account', @r, @h, @t, @s, @t)",
                    ("n", name), ("r", role), ("h", hash), ("t", now), ("s", stamp));
            }
            else
            {
                c.Execute(t, "UPDATE users SET kind = 'account', role = @r, password_hash = @h, stamp = @s, updated_at = @t, disabled_at = NULL WHERE name = @n",
                    ("n", name), ("r", role), ("h", hash), ("t", now), ("s", stamp));
            }

            AuditLog.Append(c, t, new AuditDraft(AuditActions.UserChange, $"user {name}", AuditHash.Sha256(name + "\n" + role),
                JsonSerializer.Serialize(new { change = "add", user = name, role, before = existing })), by, now);
            return new Account(name, role, stamp, now, false);
        });
    }

    /// <summary>Gives an account another role. Refused when it would leave no enabled admin.</summary>
    /// <exception cref="InputException">An unknown account, a bad role, or the last admin demoted.</exception>
    public Account SetRole(string name, string role, Actor by)
    {
        role = Roles.Parse(role);
        return Change(name, by, "role", before => before.Role == role ? null : (Role: role, Disabled: before.Disabled), null);
    }

    /// <summary>
    /// Disables an account: it can no longer sign in, and cookies it already holds are refused on their next request (the
    /// stamp changes). Nothing it did is removed. Refused when it would leave no enabled admin.
    /// </summary>
    public Account Disable(string name, string? reason, Actor by) =>
        Change(name, by, "disable", before => before.Disabled ? null : (Role: before.Role, Disabled: true), reason);

    /// <summary>Enables a disabled account again, with the role it had.</summary>
    public Account Enable(string name, Actor by) =>
        Change(name, by, "enable", before => before.Disabled ? (Role: before.Role, Disabled: false) : null, null);

    /// <summary>Sets a new password; cookies issued before are refused (the stamp changes).</summary>
    public Account SetPassword(string name, string password, Actor by)
    {
        CheckPassword(password);
        return Change(name, by, "password", before => (Role: before.Role, Disabled: before.Disabled), null, Hasher.HashPassword(name, password));
    }

    /// <summary>
    /// One account change as one write with its audit entry (<see cref="AuditActions.UserChange"/>: what changed, before and
    /// after, never a password or hash) and a new stamp. <paramref name="after"/> gives the new role and state, or null when
    /// nothing would change (then nothing is written and the account is returned as it is).
    /// </summary>
    private Account Change(string name, Actor by, string change, Func<Account, (string Role, bool Disabled)?> after, string? reason, string? newHash = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        name = (name ?? string.Empty).Trim();
        return store.Write((c, t) =>
        {
            var before = c.Query(t, "SELECT name, role, stamp, created_at, disabled_at FROM users WHERE name = @n AND kind = 'account'", Map, ("n", name)).FirstOrDefault()
                ?? throw new InputException($"没有名为“{name}”的账号（no such account）。", "用 spatialplan users list 查看已有账号。 See spatialplan users list.");
            var next = after(before);
            if (next is not { } n)
            {
                return before;
            }

            var wasEnabledAdmin = before.Role == Roles.Admin && !before.Disabled;
            var staysEnabledAdmin = n.Role == Roles.Admin && !n.Disabled;
            if (wasEnabledAdmin && !staysEnabledAdmin && Convert.ToInt64(c.Scalar(t,
                    "SELECT COUNT(*) FROM users WHERE kind = 'account' AND role = 'admin' AND disabled_at IS NULL AND name <> @n", ("n", name)), CultureInfo.InvariantCulture) == 0)
            {
                throw new InputException($"“{name}”是唯一可用的管理员，不能降级或停用（the last admin）。",
                    "先用 spatialplan users add 添加另一个管理员，再修改这个账号。 Add another admin first.");
            }

            var now = store.Now();
            var stamp = NewStamp();
            var disabledAt = n.Disabled ? "COALESCE(disabled_at, @t)" : "NULL";
            (string, object?)[] values = [("n", name), ("r", n.Role), ("s", stamp), ("t", now)];
            c.Execute(t, newHash is null
                ? $"UPDATE users SET role = @r, stamp = @s, updated_at = @t, disabled_at = {disabledAt} WHERE name = @n"
                : $"UPDATE users SET role = @r, stamp = @s, updated_at = @t, disabled_at = {disabledAt}, password_hash = @h WHERE name = @n",
                newHash is null ? values : [.. values, ("h", newHash)]);
            AuditLog.Append(c, t, new AuditDraft(AuditActions.UserChange, $"user {name}", AuditHash.Sha256(name + "\n" + n.Role + "\n" + (n.Disabled ? "disabled" : "enabled")),
                JsonSerializer.Serialize(new
                {
                    change,
                    user = name,
                    before = new { role = before.Role, disabled = before.Disabled },
                    after = new { role = n.Role, disabled = n.Disabled },
                    reason,
                })), by, now);
            return new Account(name, n.Role, stamp, before.CreatedAt, n.Disabled);
        });
    }

    /// <summary>The account, or null (an unknown name, an OS user, <c>local</c>).</summary>
    public Account? Find(string name) => store.Read(c => c.Query(null,
        "SELECT name, role, stamp, created_at, disabled_at FROM users WHERE name = @n AND kind = 'account'", Map, ("n", name)).FirstOrDefault());

    /// <summary>Every account, by name.</summary>
    public IReadOnlyList<Account> List() => store.Read(c => c.Query(null,
        "SELECT name, role, stamp, created_at, disabled_at FROM users WHERE kind = 'account' ORDER BY name", Map));

    /// <summary>Whether there is an enabled admin (server mode does not start without one).</summary>
    public bool HasAdmin() => store.Read(c => Convert.ToInt64(c.Scalar(null,
        "SELECT COUNT(*) FROM users WHERE kind = 'account' AND role = 'admin' AND disabled_at IS NULL"), CultureInfo.InvariantCulture) > 0);

    /// <summary>
    /// Checks a name and password and writes the attempt to the audit trail (<see cref="AuditActions.SignIn"/>, with the
    /// outcome and <paramref name="from"/>), successful or not. Returns the account when the password is right.
    /// </summary>
    public Account? SignIn(string? name, string? password, string? from)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length > 64)
        {
            name = name[..64];
        }

        var row = name.Length == 0 ? default : store.Read(c => c.Query(null,
            "SELECT name, role, stamp, created_at, disabled_at, password_hash FROM users WHERE name = @n AND kind = 'account'",
            r => (Account: (Account?)Map(r), Hash: r.Text("password_hash")), ("n", name)).FirstOrDefault());
        if (row.Account is null)
        {
            _ = Hasher.VerifyHashedPassword("-", DummyHash, password ?? string.Empty);
        }

        var outcome = row.Account is null ? "unknown-user"
            : row.Account.Disabled ? "disabled"
            : row.Hash is null || string.IsNullOrEmpty(password) || Hasher.VerifyHashedPassword(name, row.Hash, password) == PasswordVerificationResult.Failed ? "wrong-password"
            : "ok";
        var who = new Actor(name.Length == 0 ? "(empty)" : name, "account");
        store.Write((c, t) => AuditLog.Append(c, t, new AuditDraft(AuditActions.SignIn, $"user {who.Name}", AuditHash.Sha256(who.Name),
            JsonSerializer.Serialize(new { outcome, from })), who, store.Now()));
        return outcome == "ok" ? row.Account : null;
    }

    /// <summary>A sign-in attempt refused before its name and password were read (too many attempts), for the trail.</summary>
    public void SignInRefused(string outcome, string? from) => new AuditLog(store).Append(new AuditDraft(AuditActions.SignIn, "user (not read)",
        AuditHash.Sha256(from ?? string.Empty), JsonSerializer.Serialize(new { outcome, from })), new Actor("(not read)", "account"));

    /// <summary>A sign-out, for the trail.</summary>
    public void SignOut(Actor who, string? from) => new AuditLog(store).Append(new AuditDraft(AuditActions.SignIn, $"user {who.Name}",
        AuditHash.Sha256(who.Name), JsonSerializer.Serialize(new { outcome = "signed-out", from })), who);

    /// <summary>A user name: 1–64 characters, no spaces or control characters, not <c>local</c>.</summary>
    public static string CheckName(string? name)
    {
        var n = name?.Trim() ?? string.Empty;
        if (n.Length is 0 or > 64 || n.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch)) || n.Equals(Actor.Loopback.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"用户名“{name}”无效（bad user name）。", "用户名 1–64 个字符，不含空格，且不能是 local。 1–64 characters, no spaces, not \"local\".");
        }

        return n;
    }

    /// <summary>A password of at least <see cref="MinPasswordLength"/> characters.</summary>
    public static void CheckPassword(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            throw new InputException($"密码太短（password too short）：至少 {MinPasswordLength} 个字符。", $"请输入至少 {MinPasswordLength} 个字符的密码。 Use at least {MinPasswordLength} characters.");
        }
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static Account Map(DbDataReader r) =>
        new(r.RequiredText("name"), r.Text("role") ?? Roles.Viewer, r.Text("stamp") ?? string.Empty, r.RequiredText("created_at"), r.Text("disabled_at") is not null);
}
