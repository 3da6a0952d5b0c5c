namespace Pipeline.Components.Testing;

/// <summary>
/// Short names for suites as matrix values: CI puts them in job and artifact names, which take no
/// '/' or ':'. The last word of the name without its extension (<c>dotnet tests/App.Tests/App.Tests.csproj</c>
/// → <c>App.Tests</c>); when two suites would share one, every suite's whole name with '-' for the rest.
/// </summary>
internal static class SuiteKeys
{
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<ITestSuite> suites)
    {
        var names = suites.Select(s => s.Name).Distinct().ToList();
        var shortKeys = names.ToDictionary(n => n, Short, StringComparer.Ordinal);
        return shortKeys.Values.Distinct(StringComparer.Ordinal).Count() == names.Count && shortKeys.Values.All(k => k.Length > 0)
            ? shortKeys
            : names.ToDictionary(n => n, TestResultFiles.FileNameOf, StringComparer.Ordinal);
    }

    private static string Short(string name)
    {
        var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var file = Path.GetFileName(last.Replace('\\', '/').TrimEnd('/'));
        var key = Path.GetExtension(file) is ".csproj" or ".fsproj" or ".vbproj" or ".sln" or ".slnx" ? Path.GetFileNameWithoutExtension(file) : file;
        return string.Concat(key.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));
    }
}
