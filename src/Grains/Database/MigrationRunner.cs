using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace OneAIHub.Grains.Database;

/// <summary>
/// Applies the numbered files of <c>sql/</c> (embedded in this assembly) in order, once each,
/// recorded in <c>schema_migrations</c>. A named MySQL lock makes it safe for several silos
/// starting together: one applies, the others wait and then find nothing left to do.
/// Each file is sent as one multi-statement command, so files hold no DELIMITER.
/// </summary>
public sealed class MigrationRunner(string connectionString, ILogger<MigrationRunner> logger)
{
    private const string LockName = "oneaihub.schema_migrations";

    public sealed record Migration(int Version, string Name, string Sql)
    {
        public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string prefix = "OneAIHub.Grains.Database.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ReadMigration(assembly, n, n[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Returns the names of the migrations it applied.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await EnsureDatabaseAsync(cancellationToken);
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var lockCommand = new MySqlCommand("SELECT GET_LOCK(@name, 300)", connection))
        {
            lockCommand.Parameters.AddWithValue("@name", LockName);
            if (Convert.ToInt32(await lockCommand.ExecuteScalarAsync(cancellationToken)) != 1)
                throw new InvalidOperationException("Timed out waiting for another process to finish migrating the database.");
        }

        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                  version    INT NOT NULL PRIMARY KEY,
                  name       VARCHAR(255) NOT NULL,
                  checksum   CHAR(64) NOT NULL,
                  applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var migration in LoadEmbedded())
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        logger.LogWarning("Migration {Name} changed after it was applied; edit a new migration instead", migration.Name);
                    continue;
                }

                logger.LogInformation("Applying migration {Name}", migration.Name);
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await using var record = new MySqlCommand(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@v, @n, @c)", connection);
                record.Parameters.AddWithValue("@v", migration.Version);
                record.Parameters.AddWithValue("@n", migration.Name);
                record.Parameters.AddWithValue("@c", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
                done.Add(migration.Name);
            }
            return done;
        }
        finally
        {
            await using var release = new MySqlCommand("SELECT RELEASE_LOCK(@name)", connection);
            release.Parameters.AddWithValue("@name", LockName);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>Creates the configured database when the server has none of that name (local runs).</summary>
    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        if (string.IsNullOrEmpty(database)) return;
        builder.Database = "";
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var quoted = "`" + database.Replace("`", "``") + "`";
        await ExecuteAsync(connection, $"CREATE DATABASE IF NOT EXISTS {quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new MySqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Migration ReadMigration(Assembly assembly, string resourceName, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var digits = new string(fileName.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
            throw new InvalidOperationException($"Migration file '{fileName}' must start with its number, e.g. 004_name.sql");
        return new Migration(int.Parse(digits), fileName, reader.ReadToEnd());
    }
}
