using System.Text;

namespace Pipeline.Output;

/// <summary>
/// Lines held back until they can be written as one block (a GitHub Actions group): in memory up to
/// <see cref="MemoryCharacters"/>, then in a file in <paramref name="directory"/>, from which they are
/// streamed when written; disposing deletes the file. A long log of a target held back thus costs
/// disk, not memory. Lines go to the file masked, so no secret lands on disk.
/// </summary>
/// <param name="mask">Masks a line with the run's secrets.</param>
internal sealed class HeldLines(AbsolutePath directory, string name, Func<string, string> mask) : IDisposable
{
    /// <summary>About 4 MB in memory (UTF-16) before the lines go to a file.</summary>
    public const int MemoryCharacters = 2_000_000;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private List<string> _lines = [];
    private long _characters;
    private StreamWriter? _file;
    private string? _path;

    /// <summary>The file the lines went to once they passed the bound; null while they are in memory.</summary>
    public string? FilePath => _path;

    public void Add(string line)
    {
        if (_file is not null)
        {
            Write(_file, line);
            return;
        }

        _lines.Add(line);
        _characters += line.Length;
        if (_characters > MemoryCharacters)
        {
            Spill();
        }
    }

    /// <summary>Every line, in order; from the file if they went there. Read once, just before disposing.</summary>
    public IEnumerable<string> Lines()
    {
        if (_file is null)
        {
            return _lines;
        }

        _file.Dispose();
        _file = null;
        return ReadLines(_path!);
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        _lines = [];
        if (_path is not null)
        {
            File.Delete(_path);
            _path = null;
        }
    }

    private void Spill()
    {
        try
        {
            Directory.CreateDirectory(directory);
            var path = directory / $"{name}-{Guid.NewGuid():N}.log";
            _file = new StreamWriter(path, append: false, Utf8);
            _path = path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // no room on disk: memory it is, as before there was a bound
        }

        foreach (var line in _lines)
        {
            Write(_file, line);
        }

        _lines = [];
        _characters = 0;
    }

    // Only '\n' ends a line: a '\r' inside one (a progress bar) must come back as it went in.
    private void Write(StreamWriter file, string line)
    {
        file.Write(mask(line));
        file.Write('\n');
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(path, Utf8);
        var buffer = new char[64 * 1024];
        var line = new StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var end = Array.IndexOf(buffer, '\n', 0, read); end >= 0; end = Array.IndexOf(buffer, '\n', start, read - start))
            {
                line.Append(buffer, start, end - start);
                yield return line.ToString();
                line.Clear();
                start = end + 1;
            }

            line.Append(buffer, start, read - start);
        }
    }
}
