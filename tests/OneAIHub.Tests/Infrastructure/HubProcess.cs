using System.Diagnostics;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>
/// A silo, WebApi or single-process hub as a real operating-system process (<c>dotnet OneAIHub.*.dll</c>, built beside the
/// tests in the same configuration), for fault tests that <c>kill -9</c> and restart it. Its output goes
/// to a log file so a failing test can show what the process said.
/// </summary>
public sealed class HubProcess : IDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly object _logGate = new();
    private readonly StreamWriter _log;
    private Process? _process;

    public HubProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is not built (build the solution in {Configuration}).", dll);
        Name = name;
        _dll = dll;
        _environment = environment;
        LogPath = Path.Combine(logFolder, name + ".log");
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
    }

    public string Name { get; }

    public string LogPath { get; }

    /// <summary>The folder holding <c>OneAIHub.sln</c>, found upwards from the test assembly.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string Configuration { get; } = TestBinFolder().Parent!.Name;

    public static string SiloDll => ProductDll("Silo", "OneAIHub.Silo.dll");

    public static string WebApiDll => ProductDll("WebApi", "OneAIHub.WebApi.dll");

    /// <summary>The single-process hub: a silo and the web tier in one process.</summary>
    public static string HubDll => ProductDll("Hub", "OneAIHub.Hub.dll");

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is already running.");
        var info = new ProcessStartInfo("dotnet", $"\"{_dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        Write($"==== start {DateTime.UtcNow:HH:mm:ss.fff}");
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{Name} did not start.");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary><c>kill -9</c>: no shutdown hooks, no flushes, sockets die with the process.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        if (!process.HasExited)
        {
            Write($"==== kill -9 {DateTime.UtcNow:HH:mm:ss.fff}");
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
        _process = null;
    }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string LogTail(int lines = 30) => string.Join('\n', ReadLog().TakeLast(lines));

    public int LogLines(string containing) => ReadLog().Count(l => l.Contains(containing, StringComparison.Ordinal));

    private string[] ReadLog()
    {
        lock (_logGate)
        {
            _log.Flush();
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Split('\n');
        }
    }

    public void Dispose()
    {
        Kill();
        lock (_logGate) _log.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static string ProductDll(string project, string file) =>
        Path.Combine(RepoRoot, "src", project, "bin", Configuration, TestBinFolder().Name, file);

    /// <summary><c>…/tests/OneAIHub.Tests/bin/&lt;Configuration&gt;/&lt;tfm&gt;</c>.</summary>
    private static DirectoryInfo TestBinFolder() => new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    private static string FindRepoRoot()
    {
        for (var dir = TestBinFolder(); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OneAIHub.sln"))) return dir.FullName;
        throw new InvalidOperationException($"OneAIHub.sln not found above {AppContext.BaseDirectory}.");
    }
}
