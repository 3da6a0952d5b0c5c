# PowerShell 7.6.9 for the tests of build.ps1 (pwsh build.ps1 ...), as a .NET global tool: the SDK's own
# client installs it, nothing else is downloaded. 7.6.9 is pinned: a later 7.7 may want a newer .NET.
# Sourced by .ci/run: no exit, only warnings; idempotent (an installed 7.6.9 is kept); puts pwsh on PATH.
pipeline_dotnet_tools="$HOME/.dotnet/tools"
case ":$PATH:" in
  *":$pipeline_dotnet_tools:"*) ;;
  *) export PATH="$PATH:$pipeline_dotnet_tools" ;;
esac
if [ -x "$pipeline_dotnet_tools/pwsh" ] && dotnet tool list --global | grep -qiE '^powershell[[:space:]]+7\.6\.9[[:space:]]'; then
  echo "ci: PowerShell 7.6.9 is installed"
elif command -v dotnet >/dev/null 2>&1; then
  echo "ci: installing PowerShell 7.6.9 (dotnet tool)"
  dotnet tool update --global PowerShell --version 7.6.9 >/dev/null ||
    echo "warning: dotnet tool install PowerShell failed; the build.ps1 tests fail under CI=true" >&2
else
  echo "warning: dotnet is not on PATH; PowerShell was not installed" >&2
fi
unset pipeline_dotnet_tools
