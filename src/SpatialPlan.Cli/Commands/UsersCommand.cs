using System.CommandLine;
using System.Text;
using System.Text.Json;
using SpatialPlan.Core.Sources;
using SpatialPlan.Records.Accounts;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan users add NAME --role ROLE</c>: an account for the app in server mode (issue 11 §6), in the records store
/// of the data folder (or <c>--database</c>). The password is read from standard input, never from an argument (an
/// argument would be in the shell history and the process list): typed twice without echo at a terminal, or the first
/// line of a pipe. The change is an audit entry (<c>user.change</c>) by the OS user. <c>users list</c> lists accounts.
/// </summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "服务器模式的账号：添加、列出、改角色、停用、启用、重设密码（密码从标准输入读取）。Accounts for server mode.")
    {
        Add(), List(), SetRole(), Disable(), Enable(), Password(),
    };

    private static Command SetRole()
    {
        var role = new Option<string?>("--role") { Description = "新角色：viewer | checker | admin。", Required = true };
        return Change("role", "改变账号的角色；此前签发的登录凭据随即失效。Change an account's role.", [role],
            (book, user, parsed) => book.SetRole(user, Roles.Parse(parsed.GetValue(role)), RecordsContext.User));
    }

    private static Command Disable()
    {
        var reason = new Option<string?>("--reason") { Description = "停用原因（记入留痕）。Why (kept in the audit trail)." };
        return Change("disable", "停用账号：不能再登录，已登录的会话随即失效；其记录全部保留。Disable an account.", [reason],
            (book, user, parsed) => book.Disable(user, parsed.GetValue(reason), RecordsContext.User));
    }

    private static Command Enable() =>
        Change("enable", "重新启用停用的账号（角色不变）。Enable a disabled account again.", [],
            (book, user, _) => book.Enable(user, RecordsContext.User));

    private static Command Password() =>
        Change("password", "重设密码（从标准输入读取）；此前签发的登录凭据随即失效。Set a new password, read from standard input.", [],
            (book, user, parsed) =>
            {
                var password = ReadPassword(parsed.InvocationConfiguration.Error);
                AccountBook.CheckPassword(password);
                return book.SetPassword(user, password!, RecordsContext.User);
            });

    /// <summary>
    /// <c>users VERB NAME …</c>: one change to one account, made by the OS user, written with its audit entry; prints the
    /// account as it now is.
    /// </summary>
    private static Command Change(string verb, string description, Option[] options, Func<AccountBook, string, ParseResult, Account> change)
    {
        var name = new Argument<string>("NAME") { Description = "用户名。User name." };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command(verb, description) { name, data, database };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var account = change(new AccountBook(store), parsed.GetValue(name) ?? string.Empty, parsed);
                parsed.InvocationConfiguration.Output.WriteLine(
                    $"账号 {account.Name}：角色 {Roles.Zh(account.Role)}（{account.Role}），{(account.Disabled ? "已停用" : "可用")}。");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "用户名。User name." };
        var role = new Option<string?>("--role") { Description = "角色：viewer（查看）| checker（核查、保存）| admin（用户、数据）。", Required = true };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("add", "添加账号；密码从标准输入读取（终端中输入两次，不回显；或由管道给出第一行）。Add an account; the password comes from standard input.")
        {
            name, role, data, database,
        };
        command.SetAction(parsed =>
        {
            var user = AccountBook.CheckName(parsed.GetValue(name));
            var r = Roles.Parse(parsed.GetValue(role));
            var password = ReadPassword(parsed.InvocationConfiguration.Error);
            AccountBook.CheckPassword(password);
            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var account = new AccountBook(store).Add(user, r, password!, RecordsContext.User);
                parsed.InvocationConfiguration.Output.WriteLine($"已添加账号 {account.Name}（{Roles.Zh(account.Role)} {account.Role}），台账库 {store.Location}。");
                parsed.InvocationConfiguration.Output.WriteLine($"Added account {account.Name} ({account.Role}).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var format = new Option<string?>("--format") { Description = "输出格式 table | json（默认 table）。" };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("list", "列出账号（不含密码）。List accounts.") { format, data, database };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), ["table", "json"]);
            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var accounts = new AccountBook(store).List();
                var o = parsed.InvocationConfiguration.Output;
                if (output == "json")
                {
                    o.WriteLine(JsonSerializer.Serialize(accounts.Select(a => new AccountPayload(a.Name, a.Role, a.CreatedAt, a.Disabled)).ToList(), CliJson.Records.ListAccountPayload));
                }
                else
                {
                    o.WriteLine("用户名 User\t角色 Role\t创建 Created");
                    foreach (var a in accounts)
                    {
                        o.WriteLine($"{a.Name}\t{a.Role}（{Roles.Zh(a.Role)}）{(a.Disabled ? " 已停用" : string.Empty)}\t{RecordsContext.Local(a.CreatedAt)}");
                    }
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The password: at a terminal typed twice without echo; from a pipe or file, its first line.</summary>
    private static string? ReadPassword(TextWriter prompt)
    {
        if (!Console.IsInputRedirected)
        {
            prompt.Write("密码 Password: ");
            var first = ReadHidden();
            prompt.Write("再输入一次 Again: ");
            var second = ReadHidden();
            return first == second
                ? first
                : throw new InputException("两次输入的密码不一致（the passwords differ）。", "重新运行命令，两次输入相同的密码。 Run it again and type the same password twice.");
        }

        var line = Console.In.ReadLine();
        return string.IsNullOrEmpty(line)
            ? throw new InputException("标准输入中没有密码（no password on standard input）。",
                $"由标准输入给出密码，例如：read -rs P && printf '%s\\n' \"$P\" | spatialplan users add NAME --role admin（至少 {AccountBook.MinPasswordLength} 个字符）。 Pipe the password in; it is never an argument.")
            : line;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
