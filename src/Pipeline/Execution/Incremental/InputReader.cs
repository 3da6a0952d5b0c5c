using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Processes;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// Reads a target's declared inputs as "kind name" → value: files as content hashes, tool versions
/// as printed, everything else (parameters, variables, values, outputs) as hashes, so neither the
/// records nor a cache key ever hold a secret in clear.
/// </summary>
internal sealed class InputReader(
    AbsolutePath root, ParameterValues parameters, IReadOnlyDictionary<string, string> variables, FileHashes files, ProcessRunner processes)
{
    public const string Unset = "unset";

    // One `--version` per tool and run, however many targets declare it.
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _toolVersions = new(StringComparer.Ordinal);

    public async Task<SortedDictionary<string, string>> ReadAsync(TargetInputs inputs, Func<IOutput, string?> outputValue, CancellationToken cancellation)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in InputFiles.Match(root, inputs.FileGlobs))
        {
            values[InputKey.File + file] = files.HashOf(file);
        }

        files.Save();
        foreach (var parameter in inputs.ParameterValues)
        {
            values[InputKey.Parameter + parameter.Name] = HashOf(TextOf(parameters.ValueOf(parameter)));
        }

        foreach (var name in inputs.EnvironmentVariables)
        {
            values[InputKey.Environment + name] = HashOf(variables.GetValueOrDefault(name));
        }

        foreach (var (name, value) in inputs.FixedValues)
        {
            values[InputKey.Value + name] = HashOf(value);
        }

        foreach (var output in inputs.UpstreamOutputs)
        {
            values[InputKey.Output + output.Name] = HashOf(outputValue(output));
        }

        foreach (var tool in inputs.ToolVersions)
        {
            values[InputKey.Tool + tool.Executable] = await VersionOf(tool, cancellation).ConfigureAwait(false);
        }

        return values;
    }

    private Task<string> VersionOf(RequiredTool tool, CancellationToken cancellation) =>
        _toolVersions.GetOrAdd(tool.Executable, _ => new Lazy<Task<string>>(() => ReadVersionAsync(tool, cancellation))).Value;

    private async Task<string> ReadVersionAsync(RequiredTool tool, CancellationToken cancellation)
    {
        if (ExecutableSearch.Find(tool, variables) is not { } path)
        {
            return "not found";
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(TimeSpan.FromSeconds(30)); // a tool that hangs on --version must not hang the run
        var command = new ToolCommand(path).AddArguments(tool.VersionArguments).WithQuietOutput().WithGracePeriod(TimeSpan.FromSeconds(1));
        var result = await processes.RunAsync(command, "fingerprint", _ => { }, limit.Token).ConfigureAwait(false);
        return result.Output.FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "";
    }

    /// <summary>A parameter's value as stable text: lists item by item, numbers and dates invariant.</summary>
    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join('\n', items.Cast<object?>().Select(TextOf)),
        _ => value.ToString(),
    };

    private static string HashOf(string? text) =>
        text is null ? Unset : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>The prefixes of input keys: a key reads as what it is ("file src/a.cs").</summary>
internal static class InputKey
{
    public const string File = "file ";
    public const string Parameter = "parameter ";
    public const string Environment = "environment variable ";
    public const string Tool = "tool ";
    public const string Value = "value ";
    public const string Output = "output ";
}
