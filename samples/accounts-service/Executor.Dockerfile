# The executor's image, like the API's (see Dockerfile) but built from out/executor/ alone: the pipeline's
# Publish target lays out the worker, the .NET runtime (without ASP.NET Core) and its system libraries there.
FROM scratch
COPY . /
ENV DOTNET_ROOT=/dotnet DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_EnableDiagnostics=0 TMPDIR=/tmp
USER 65534:65534
ENTRYPOINT ["/dotnet/dotnet", "/app/Accounts.Executor.dll"]
