using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>
/// A real MariaDB for the test run: the server named by <c>ONEAIHUB_TEST_MYSQL</c> (a connection
/// string without a database), or else a private mariadbd started in a temporary folder on a free
/// port and stopped when the test process exits. Each fixture gets a database of its own.
/// </summary>
public static class MariaDbServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static Process? _process;

    public static Task<string> GetServerConnectionStringAsync() => Server.Value;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "hub")
    {
        var server = await GetServerConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using (var connection = new MySqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Stops and starts the private server (fault tests); its data stays.</summary>
    public static async Task RestartAsync(TimeSpan downtime)
    {
        if (_process is null) throw new InvalidOperationException("Only a server this run started can be restarted.");
        var (folder, port) = ((string, int))AppDomain.CurrentDomain.GetData("oneaihub.mariadb")!;
        Shutdown(folder);
        await _process.WaitForExitAsync();
        await Task.Delay(downtime);
        _process = Launch(folder, port);
        await WaitUntilReadyAsync(ConnectionString(port));
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("ONEAIHUB_TEST_MYSQL");
        if (!string.IsNullOrWhiteSpace(external)) return external;

        var folder = Path.Combine(Path.GetTempPath(), $"oneaihub-test-mariadb-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        Directory.CreateDirectory(folder);
        var user = Environment.UserName;
        await RunAsync("mariadb-install-db",
            $"--no-defaults --datadir={folder}/data --auth-root-authentication-method=normal --skip-test-db --user={user}");
        var port = FreePort();
        AppDomain.CurrentDomain.SetData("oneaihub.mariadb", (folder, port));
        _process = Launch(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Shutdown(folder);
            try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var connectionString = ConnectionString(port);
        await WaitUntilReadyAsync(connectionString);
        return connectionString;
    }

    private static string ConnectionString(int port) =>
        $"Server=127.0.0.1;Port={port};User ID=root;Password=;Pooling=true;Maximum Pool Size=200;Connection Timeout=5;Default Command Timeout=60";

    private static Process Launch(string folder, int port)
    {
        var asRoot = Environment.UserName == "root" ? " --user=root" : "";
        var info = new ProcessStartInfo("mariadbd",
            $"--no-defaults --datadir={folder}/data --port={port} --bind-address=127.0.0.1 --socket={folder}/mysqld.sock " +
            $"--pid-file={folder}/mysqld.pid --log-error={folder}/error.log --skip-name-resolve --character-set-server=utf8mb4 " +
            $"--max-connections=1000 --innodb-flush-log-at-trx-commit=2 --max-allowed-packet=64M{asRoot}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(info) ?? throw new InvalidOperationException("mariadbd did not start (is mariadb-server installed?).");
    }

    private static void Shutdown(string folder)
    {
        try
        {
            using var stop = Process.Start(new ProcessStartInfo("mariadb-admin", $"--no-defaults --socket={folder}/mysqld.sock -uroot shutdown")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            stop?.WaitForExit(15_000);
        }
        catch (Exception) when (_process is { HasExited: true })
        {
        }
    }

    private static async Task WaitUntilReadyAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await stderr}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
