namespace Pipeline.Components.Tests.Scanning;

/// <summary>
/// A <c>trivy</c> on <c>PATH</c> that prints a report in Trivy's real JSON format (SchemaVersion 2, as
/// <c>trivy fs --format json</c> writes it: metadata, a result per lock file, a result without
/// vulnerabilities) into <c>--output</c>, writes a small SARIF file for <c>convert</c>, and notes how it ran.
/// </summary>
public sealed class FakeTrivy : IDisposable
{
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public FakeTrivy(TempRoot root, string report)
    {
        Directory = root.Path / "fake-bin";
        Calls = root.Path / "trivy-calls";
        var reportFile = root.Write("fake-trivy-report.json", report);
        root.Write("fake-bin/trivy", $$$"""
            #!/bin/sh
            echo "$*" >> '{{{Calls}}}'
            out=""
            prev=""
            for a in "$@"; do
              if [ "$prev" = "--output" ]; then out="$a"; fi
              prev="$a"
            done
            case "$1" in
              --version) echo "Version: 0.61.0" ;;
              convert) echo '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Trivy"}},"results":[]}]}' > "$out" ;;
              fs|image) echo "2025-01-01T00:00:00Z	INFO	[vuln] Vulnerability scanning is enabled" >&2; cp '{{{reportFile}}}' "$out" ;;
              *) echo "unknown command $1" >&2; exit 1 ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Directory / "trivy", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment.SetEnvironmentVariable("PATH", Directory + Path.PathSeparator + _path);
    }

    public AbsolutePath Directory { get; }

    public AbsolutePath Calls { get; }

    /// <summary>Each command line it was run with.</summary>
    public IReadOnlyList<string> CallLines => File.Exists(Calls) ? File.ReadAllLines(Calls) : [];

    public void Dispose() => Environment.SetEnvironmentVariable("PATH", _path);

    /// <summary>A filesystem scan of a Go module: one HIGH and one LOW in go.sum, one CRITICAL without a fix, and a clean Dockerfile target.</summary>
    public const string GoModuleReport = """
        {
          "SchemaVersion": 2,
          "CreatedAt": "2025-01-01T00:00:00.000000000Z",
          "ArtifactName": "services/events",
          "ArtifactType": "filesystem",
          "Metadata": { "ImageConfig": { "architecture": "", "created": "0001-01-01T00:00:00Z", "os": "", "rootfs": { "type": "", "diff_ids": null }, "config": {} } },
          "Results": [
            {
              "Target": "go.sum",
              "Class": "lang-pkgs",
              "Type": "gomod",
              "Vulnerabilities": [
                {
                  "VulnerabilityID": "CVE-2023-44487",
                  "PkgID": "golang.org/x/net@v0.7.0",
                  "PkgName": "golang.org/x/net",
                  "PkgIdentifier": { "PURL": "pkg:golang/golang.org/x/net@v0.7.0", "UID": "1" },
                  "InstalledVersion": "v0.7.0",
                  "FixedVersion": "0.17.0",
                  "Status": "fixed",
                  "Layer": {},
                  "SeveritySource": "ghsa",
                  "PrimaryURL": "https://avd.aquasec.com/nvd/cve-2023-44487",
                  "DataSource": { "ID": "ghsa", "Name": "GitHub Security Advisory Go", "URL": "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Ago" },
                  "Title": "HTTP/2 rapid reset can cause excessive work in net/http",
                  "Description": "A malicious HTTP/2 client which rapidly creates requests and immediately resets them can cause excessive server resource consumption.",
                  "Severity": "HIGH",
                  "CweIDs": [ "CWE-400" ],
                  "VendorSeverity": { "ghsa": 3, "nvd": 3 },
                  "CVSS": { "nvd": { "V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "V3Score": 7.5 } },
                  "References": [ "https://github.com/advisories/GHSA-qppj-fm5r-hxr3" ],
                  "PublishedDate": "2023-10-10T14:15:10.883Z",
                  "LastModifiedDate": "2024-08-14T19:57:18.86Z"
                },
                {
                  "VulnerabilityID": "CVE-2022-41717",
                  "PkgID": "golang.org/x/net@v0.7.0",
                  "PkgName": "golang.org/x/net",
                  "InstalledVersion": "v0.7.0",
                  "FixedVersion": "0.4.0",
                  "Status": "fixed",
                  "Layer": {},
                  "SeveritySource": "ghsa",
                  "Title": "excessive memory growth in a Go server accepting HTTP/2 requests",
                  "Severity": "LOW"
                },
                {
                  "VulnerabilityID": "GHSA-xxxx-yyyy-zzzz",
                  "PkgID": "github.com/example/parser@v1.2.3",
                  "PkgName": "github.com/example/parser",
                  "InstalledVersion": "v1.2.3",
                  "Status": "affected",
                  "Layer": {},
                  "Title": "Parser | panics on crafted input",
                  "Severity": "CRITICAL"
                }
              ]
            },
            {
              "Target": "Dockerfile",
              "Class": "config",
              "Type": "dockerfile"
            }
          ]
        }
        """;

    /// <summary>An image scan with nothing found: Trivy still writes the OS target, without vulnerabilities.</summary>
    public const string CleanImageReport = """
        {
          "SchemaVersion": 2,
          "CreatedAt": "2025-01-01T00:00:00.000000000Z",
          "ArtifactName": "127.0.0.1:5000/events:abc1234",
          "ArtifactType": "container_image",
          "Metadata": { "OS": { "Family": "alpine", "Name": "3.20.3" }, "ImageID": "sha256:0123", "RepoTags": [ "127.0.0.1:5000/events:abc1234" ] },
          "Results": [
            { "Target": "127.0.0.1:5000/events:abc1234 (alpine 3.20.3)", "Class": "os-pkgs", "Type": "alpine" }
          ]
        }
        """;
}
