namespace Pipeline.Components.Tests.Scanning;

/// <summary>
/// A <c>trivy</c> on <c>PATH</c> that prints a report in Trivy's real JSON format (SchemaVersion 2, as
/// <c>trivy fs --format json</c> writes it: metadata, a result per lock file, a result without
/// vulnerabilities) into <c>--output</c>, writes a small SARIF file for <c>convert</c>, and notes how it ran.
/// Asked for <c>--format cyclonedx</c>, it writes an SBOM in CycloneDX JSON as Trivy 0.61 does instead.
/// </summary>
public sealed class FakeTrivy : IDisposable
{
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public FakeTrivy(TempRoot root, string report, string sbom = GoBinaryImageSbom)
    {
        Directory = root.Path / "fake-bin";
        Calls = root.Path / "trivy-calls";
        var reportFile = root.Write("fake-trivy-report.json", report);
        var sbomFile = root.Write("fake-trivy-sbom.cdx.json", sbom);
        root.Write("fake-bin/trivy", $$$"""
            #!/bin/sh
            echo "$*" >> '{{{Calls}}}'
            out=""
            format=""
            prev=""
            for a in "$@"; do
              if [ "$prev" = "--output" ]; then out="$a"; fi
              if [ "$prev" = "--format" ]; then format="$a"; fi
              prev="$a"
            done
            case "$1" in
              --version) echo "Version: 0.61.0" ;;
              convert) echo '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Trivy"}},"results":[]}]}' > "$out" ;;
              fs|image)
                if [ "$format" = "cyclonedx" ]; then
                  echo "2025-01-01T00:00:00Z	INFO	\"--format cyclonedx\" disables security scanning. Specify \"--scanners vuln\" explicitly if you want to include vulnerabilities in the \"cyclonedx\" report." >&2
                  cp '{{{sbomFile}}}' "$out"
                else
                  echo "2025-01-01T00:00:00Z	INFO	[vuln] Vulnerability scanning is enabled" >&2
                  cp '{{{reportFile}}}' "$out"
                fi ;;
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

    /// <summary>
    /// The SBOM of a <c>FROM scratch</c> image holding one static Go binary, as <c>trivy image --format cyclonedx</c>
    /// writes it: the image is <c>metadata.component</c>; the components are the binary, its main module and Go's
    /// standard library (3); <c>dependencies</c> ties them together.
    /// </summary>
    public const string GoBinaryImageSbom = """
        {
          "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "serialNumber": "urn:uuid:5b0f3a52-8f0e-4c43-9d0c-2b6a0f1d7e11",
          "version": 1,
          "metadata": {
            "timestamp": "2025-01-01T00:00:00+00:00",
            "tools": { "components": [ { "type": "application", "group": "aquasecurity", "name": "trivy", "version": "0.61.0" } ] },
            "component": {
              "bom-ref": "pkg:oci/release-service@sha256%3A4f1c9a0d2b7e?arch=amd64&repository_url=index.docker.io%2Flibrary%2Frelease-service",
              "type": "container",
              "name": "release-service:abc1234",
              "purl": "pkg:oci/release-service@sha256%3A4f1c9a0d2b7e?arch=amd64&repository_url=index.docker.io%2Flibrary%2Frelease-service",
              "properties": [
                { "name": "aquasecurity:trivy:DiffID", "value": "sha256:9a3e5b1c7d2f" },
                { "name": "aquasecurity:trivy:ImageID", "value": "sha256:4f1c9a0d2b7e" },
                { "name": "aquasecurity:trivy:RepoTag", "value": "release-service:abc1234" },
                { "name": "aquasecurity:trivy:SchemaVersion", "value": "2" }
              ]
            }
          },
          "components": [
            {
              "bom-ref": "2e8d4c6a-31f4-4b8e-a0a2-6c1d9e7f5b30",
              "type": "application",
              "name": "release-service",
              "properties": [
                { "name": "aquasecurity:trivy:Class", "value": "lang-pkgs" },
                { "name": "aquasecurity:trivy:Type", "value": "gobinary" }
              ]
            },
            {
              "bom-ref": "pkg:golang/example.com/staged-release",
              "type": "library",
              "name": "example.com/staged-release",
              "purl": "pkg:golang/example.com/staged-release",
              "properties": [
                { "name": "aquasecurity:trivy:LayerDiffID", "value": "sha256:9a3e5b1c7d2f" },
                { "name": "aquasecurity:trivy:PkgID", "value": "example.com/staged-release" },
                { "name": "aquasecurity:trivy:PkgType", "value": "gobinary" }
              ]
            },
            {
              "bom-ref": "pkg:golang/stdlib@v1.19.8",
              "type": "library",
              "name": "stdlib",
              "version": "v1.19.8",
              "purl": "pkg:golang/stdlib@v1.19.8",
              "properties": [
                { "name": "aquasecurity:trivy:LayerDiffID", "value": "sha256:9a3e5b1c7d2f" },
                { "name": "aquasecurity:trivy:PkgID", "value": "stdlib@v1.19.8" },
                { "name": "aquasecurity:trivy:PkgType", "value": "gobinary" }
              ]
            }
          ],
          "dependencies": [
            { "ref": "2e8d4c6a-31f4-4b8e-a0a2-6c1d9e7f5b30", "dependsOn": [ "pkg:golang/example.com/staged-release", "pkg:golang/stdlib@v1.19.8" ] },
            { "ref": "pkg:golang/example.com/staged-release", "dependsOn": [ "pkg:golang/stdlib@v1.19.8" ] },
            { "ref": "pkg:golang/stdlib@v1.19.8", "dependsOn": [] },
            { "ref": "pkg:oci/release-service@sha256%3A4f1c9a0d2b7e?arch=amd64&repository_url=index.docker.io%2Flibrary%2Frelease-service", "dependsOn": [ "2e8d4c6a-31f4-4b8e-a0a2-6c1d9e7f5b30" ] }
          ],
          "vulnerabilities": []
        }
        """;
}
