#!/usr/bin/env pwsh
# Bootstrap for this repository's pipeline (build/) on Windows: rebuild it only when its inputs
# changed, then run it with the arguments. Needs only the .NET SDK that global.json pins; downloads nothing.
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$BuildProject = Join-Path $Root 'build/Build.csproj'
$Temp = Join-Path $Root '.nuke/temp'
$Output = Join-Path $Temp 'bin'
$Stamp = Join-Path $Temp 'build-inputs.ps1.txt'
$App = Join-Path $Output $(if ($IsLinux -or $IsMacOS) { 'Build' } else { 'Build.exe' })

$env:PIPELINE_ROOT = $Root
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# The inputs of the build project: its sources, the library it references, the shared MSBuild files.
# Paths with their last-write times: an edit, a new file or a deleted file all change the fingerprint.
function Get-Fingerprint {
    $files = @(Get-ChildItem -Path (Join-Path $Root 'build'), (Join-Path $Root 'src') -Recurse -File |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @('global.json', 'Directory.Build.props', 'Directory.Packages.props' |
        ForEach-Object { Get-Item -LiteralPath (Join-Path $Root $_) -ErrorAction SilentlyContinue })
    $lines = $files | Sort-Object FullName | ForEach-Object { "$($_.FullName)|$($_.LastWriteTimeUtc.Ticks)" }
    $bytes = [Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    # SHA256.Create works on Windows PowerShell 5.1 (.NET Framework) as well as PowerShell 7.
    return [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes))
}

function Assert-Sdk {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        Write-Error "'dotnet' was not found on PATH. Install the .NET SDK version pinned in global.json (see https://learn.microsoft.com/dotnet/core/install/), then run this again."
    }
    $pinned = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version
    $band = $pinned.Substring(0, $pinned.LastIndexOf('.'))
    $installed = @(dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] })
    if (-not ($installed | Where-Object { $_.StartsWith($band) })) {
        Write-Error "global.json pins .NET SDK $pinned (or a later patch of $band), which is not installed. Installed: $($installed -join ', ')"
    }
}

$fingerprint = Get-Fingerprint
$upToDate = (Test-Path $App) -and (Test-Path $Stamp) -and ((Get-Content $Stamp -Raw).Trim() -eq $fingerprint)
if (-not $upToDate) {
    Assert-Sdk
    New-Item -ItemType Directory -Force -Path $Temp | Out-Null
    [Console]::Error.WriteLine('Building the pipeline (build/ or src/ changed)...')
    $log = Join-Path $Temp 'bootstrap.log'
    & dotnet build $BuildProject --configuration Release --output $Output -nologo -v:q *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('error: the pipeline does not build; see above.')
        exit 3
    }
    Set-Content -Path $Stamp -Value $fingerprint -NoNewline
}

& $App @args
exit $LASTEXITCODE
