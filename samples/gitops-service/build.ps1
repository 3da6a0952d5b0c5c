#!/usr/bin/env pwsh
# Bootstrap of a pipeline: the one project in build/ next to this script. Rebuilds it only when what it
# is made of changed, then runs it with the arguments. Needs only the .NET SDK; downloads nothing.
# The same file serves every repository (this one, each sample, a scaffold): it knows no paths but build/.
# Runs on PowerShell 7 and on Windows PowerShell 5.1.
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$BuildFolder = [IO.Path]::Combine($Root, 'build')
$BuildProject = if ([IO.Directory]::Exists($BuildFolder)) { @([IO.Directory]::GetFiles($BuildFolder, '*.csproj'))[0] }
if (-not $BuildProject) {
    [Console]::Error.WriteLine("error: no build project (*.csproj) in $BuildFolder")
    exit 3
}
# Its executable is named after it (Build, EventService.Build, ...) unless it sets AssemblyName.
$Executable = [IO.Path]::GetFileNameWithoutExtension($BuildProject)
$assemblyName = [regex]::Match([IO.File]::ReadAllText($BuildProject), '<AssemblyName>([^<]+)</AssemblyName>')
if ($assemblyName.Success) { $Executable = $assemblyName.Groups[1].Value }
$OnWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows
$Temp = [IO.Path]::Combine($Root, '.nuke', 'temp')
$Output = [IO.Path]::Combine($Temp, 'bin')
# Line 1: the fingerprint. Then what it covers: "d <project folder>" and "f <file MSBuild may import>".
$Stamp = [IO.Path]::Combine($Temp, 'build-inputs.ps1.txt')
$App = [IO.Path]::Combine($Output, $(if ($OnWindows) { "$Executable.exe" } else { $Executable }))

$env:PIPELINE_ROOT = $Root
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# The build project and every project it references, transitively (paths relative to the referencing
# project, with either slash).
function Get-Projects {
    $queue = New-Object System.Collections.Generic.Queue[string]
    $seen = New-Object System.Collections.Generic.HashSet[string]
    $queue.Enqueue($BuildProject)
    while ($queue.Count -gt 0) {
        $project = $queue.Dequeue()
        if (-not $seen.Add($project)) { continue }
        $project
        $folder = [IO.Path]::GetDirectoryName($project)
        $text = [IO.File]::ReadAllText($project)
        foreach ($match in [regex]::Matches($text, '<ProjectReference\b[^>]*?\bInclude="([^"]*)"')) {
            foreach ($reference in $match.Groups[1].Value.Split(';')) {
                $reference = $reference.Trim().Replace('$(MSBuildThisFileDirectory)', "$folder/").Replace('$(MSBuildProjectDirectory)', $folder)
                if ($reference -eq '' -or $reference.Contains('$(')) { continue }
                $path = [IO.Path]::GetFullPath([IO.Path]::Combine($folder, $reference.Replace('\', '/')))
                if ([IO.File]::Exists($path)) { $queue.Enqueue($path) }
            }
        }
    }
}

# What MSBuild imports for a project folder on its own: the nearest Directory.Build.props,
# Directory.Build.targets and Directory.Packages.props above it (and further up when that one imports
# its parent's). Every place looked at is listed, so a file that appears there later is noticed too.
function Get-ImportedFiles([string] $folder) {
    foreach ($name in 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props') {
        for ($dir = $folder; $dir; $dir = [IO.Path]::GetDirectoryName($dir)) {
            $file = Join-Path $dir $name
            $file
            if ([IO.File]::Exists($file) -and -not ([IO.File]::ReadAllText($file).Contains('GetPathOfFileAbove'))) { break }
        }
    }
}

# What the pipeline is made of: never the rest of the repository, whose own code may change without
# touching its pipeline.
function Get-Inputs {
    $folders = @(Get-Projects | ForEach-Object { [IO.Path]::GetDirectoryName($_) } | Select-Object -Unique)
    $folders | ForEach-Object { "d $_" }
    $files = @($folders | ForEach-Object { Get-ImportedFiles $_ }) +
        @('global.json', 'nuget.config', 'NuGet.Config', 'NuGet.config' | ForEach-Object { Join-Path $Root $_ })
    $files | Select-Object -Unique | ForEach-Object { "f $_" }
}

# The fast path (nothing changed) uses .NET calls rather than cmdlets: PowerShell compiles each cmdlet
# pipeline on first use, which costs more than the check itself.
function Add-FolderFiles([Collections.Generic.List[string]] $into, [string] $folder) {
    $into.AddRange([IO.Directory]::GetFiles($folder))
    foreach ($dir in [IO.Directory]::GetDirectories($folder)) {
        $name = [IO.Path]::GetFileName($dir)
        if ($name -ne 'bin' -and $name -ne 'obj') { Add-FolderFiles $into $dir }
    }
}

# Every input file with its last-write time: an edit, a new file or a deleted file changes it.
function Get-Fingerprint([string[]] $inputs) {
    $paths = New-Object Collections.Generic.List[string]
    foreach ($line in $inputs) {
        $path = $line.Substring(2)
        if ($line.StartsWith('d ')) { Add-FolderFiles $paths $path } elseif ([IO.File]::Exists($path)) { $paths.Add($path) }
    }
    $sorted = New-Object Collections.Generic.SortedSet[string] -ArgumentList @(, [StringComparer]::Ordinal)
    foreach ($path in $paths) { $null = $sorted.Add($path) }
    $text = New-Object Text.StringBuilder
    foreach ($path in $sorted) { $null = $text.Append($path).Append('|').Append([IO.File]::GetLastWriteTimeUtc($path).Ticks).Append("`n") }
    $bytes = [Text.Encoding]::UTF8.GetBytes($text.ToString())
    # SHA256.Create works on Windows PowerShell 5.1 (.NET Framework) as well as PowerShell 7.
    return [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes))
}

function Test-UpToDate {
    if (-not ([IO.File]::Exists($App) -and [IO.File]::Exists($Stamp))) { return $false }
    $recorded = [IO.File]::ReadAllLines($Stamp)
    return $recorded.Length -gt 1 -and $recorded[0] -eq (Get-Fingerprint $recorded[1..($recorded.Length - 1)])
}

function Assert-Sdk {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        [Console]::Error.WriteLine("error: 'dotnet' was not found on PATH. Install the .NET SDK version pinned in global.json (see https://learn.microsoft.com/dotnet/core/install/), then run this again.")
        exit 127
    }
    $globalJson = Join-Path $Root 'global.json'
    if (-not (Test-Path $globalJson)) { return }
    $pinned = (Get-Content $globalJson -Raw | ConvertFrom-Json).sdk.version
    if (-not $pinned) { return }
    $band = $pinned.Substring(0, $pinned.LastIndexOf('.'))
    $installed = @(dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] })
    if (-not ($installed | Where-Object { $_.StartsWith($band) })) {
        [Console]::Error.WriteLine("error: global.json pins .NET SDK $pinned (or a later patch of $band), which is not installed. Installed: $($installed -join ', ')")
        exit 127
    }
}

# Ctrl+C while the pipeline builds, where PowerShell runs `finally` on it (an interactive console):
# stop the build's whole process tree, write no stamp, run nothing, exit 130. The build is in the
# console's process group, so Ctrl+C reaches it directly too. A script cannot handle SIGTERM.
function Stop-Build($process) {
    if (-not $process.HasExited) {
        if ($OnWindows -and $PSVersionTable.PSEdition -eq 'Desktop') { & taskkill /T /F /PID $process.Id 2>&1 | Out-Null }
        else { $process.Kill($true) }
    }
    [Console]::Error.WriteLine('Interrupted: the pipeline was not built and nothing ran.')
}

function Invoke-Build {
    Assert-Sdk
    New-Item -ItemType Directory -Force -Path $Temp | Out-Null
    [Console]::Error.WriteLine('Building the pipeline (what it is made of changed)...')
    # Taken before the build, so an edit made while it builds counts as a change next time.
    $inputs = @(Get-Inputs)
    $fingerprint = Get-Fingerprint $inputs
    $log = Join-Path $Temp 'bootstrap.log'
    # No MSBuild node and no compiler server outlives the build: nothing keeps running after the script.
    $arguments = @('build', "`"$BuildProject`"", '--configuration', 'Release', '--output', "`"$Output`"",
        '-nologo', '-v:q', '-nodeReuse:false', '-p:UseSharedCompilation=false')
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -NoNewWindow -PassThru `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $null = $process.Handle # Windows PowerShell reports the exit code only when the handle was read
    $finished = $false
    try {
        while (-not $process.WaitForExit(100)) { }
        $finished = $true
    }
    finally {
        if (-not $finished) {
            Stop-Build $process
            [Environment]::Exit(130) # `exit` is not honoured while PowerShell stops the script
        }
    }
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) {
        Get-Content $log, "$log.err" | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('error: the pipeline does not build; see above.')
        exit 3
    }
    [IO.File]::WriteAllLines($Stamp, [string[]](@($fingerprint) + $inputs))
}

if (-not (Test-UpToDate)) { Invoke-Build }

& $App @args
exit $LASTEXITCODE
