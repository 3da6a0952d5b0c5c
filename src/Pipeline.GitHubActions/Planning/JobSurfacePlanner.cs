namespace Pipeline.GitHubActions;

/// <summary>
/// A job's settings beyond where it runs (<see cref="JobSurface"/>), checked and turned into a
/// <see cref="JobSettingsModel"/>: values the user writes for CI only may hold expressions, never
/// the secrets context.
/// </summary>
internal sealed class JobSurfacePlanner(Problems problems, IExpressionNames names)
{
    public JobSettingsModel Plan(JobDeclaration job, TargetDefinition root, IReadOnlyList<TargetDefinition> runs, IReadOnlyList<ServiceContainer> services)
    {
        var surface = job.Surface;
        var owner = $"the job {root.Name}";
        var env = surface.Env.Select(e => KeyValuePair.Create(e.Key, e.Value.Render(names))).ToList();
        var concurrency = surface.Concurrency is { } declared ? new JobConcurrency(declared.Group.Render(names), declared.CancelInProgress) : null;
        var displayName = surface.DisplayName?.Render(names);
        CheckTexts(surface, owner, env, concurrency, displayName);
        CheckServices(surface, root, services);
        CheckUploads(surface, root, runs);
        PermissionLevels.Check(problems, owner, job.Permissions);
        RawValues.Check(problems, owner, surface.Raw);
        RawValues.Check(problems, $"{owner} (strategy)", surface.RawStrategy);
        RawValues.Check(problems, $"{owner} (strategy.matrix)", surface.RawMatrix);
        foreach (var (name, settings) in surface.Services)
        {
            RawValues.Check(problems, $"{owner} (service container '{name}')", settings.Raw);
        }

        return new JobSettingsModel(
            env,
            concurrency,
            surface.Container,
            surface.DefaultShell,
            surface.AllPermissions,
            surface.Services,
            surface.Raw,
            surface.RawStrategy,
            surface.RawMatrix)
        {
            DisplayName = displayName,
        };
    }

    /// <summary><c>./build.ps1</c> for a PowerShell default shell or, without one, a Windows runner; else <c>./build.sh</c>.</summary>
    public static string BuildScript(JobSurface surface, IReadOnlyList<string> runsOn) => surface.DefaultShell switch
    {
        "pwsh" or "powershell" => "./build.ps1",
        "bash" or "sh" => "./build.sh",
        _ when runsOn.Any(label => label.StartsWith("windows", StringComparison.OrdinalIgnoreCase)) => "./build.ps1",
        _ => "./build.sh",
    };

    private void CheckTexts(
        JobSurface surface, string owner, List<KeyValuePair<string, string>> env, JobConcurrency? concurrency, string? displayName)
    {
        if (displayName is { } name && name.Trim().Length == 0)
        {
            problems.Add($"{owner} has an empty display name.");
        }

        SecretsGuard.Check(problems, $"{owner}: its display name", displayName);
        foreach (var (variable, value) in env)
        {
            if (!Identifiers.IsEnvName(variable))
            {
                problems.Add($"{owner}: the variable name '{variable}' must be letters, digits and '_', not starting with a digit.");
            }

            SecretsGuard.Check(problems, $"{owner}: its env variable {variable}", value);
        }

        foreach (var twice in env.GroupBy(e => e.Key).Where(g => g.Count() > 1))
        {
            problems.Add($"{owner} sets its env variable {twice.Key} twice.");
        }

        if (concurrency is not null && concurrency.Group.Trim().Length == 0)
        {
            problems.Add($"{owner} has an empty concurrency group.");
        }

        SecretsGuard.Check(problems, $"{owner}: its concurrency group", concurrency?.Group);
        if (surface.Container is { } container && container.Image.Trim().Length == 0)
        {
            problems.Add($"{owner} has a container without an image.");
        }

        SecretsGuard.Check(problems, $"{owner}: its container", [surface.Container?.Image ?? "", surface.Container?.Options ?? ""]);
        if (surface.DefaultShell is { } shell && shell.Trim().Length == 0)
        {
            problems.Add($"{owner} has an empty default shell.");
        }

        SecretsGuard.Check(problems, $"{owner}: its checkout ref", surface.Checkout.Ref);
        foreach (var download in surface.Downloads.Where(d => d.Path.Trim().Length == 0 || d.Pattern is { Length: 0 }))
        {
            problems.Add($"{owner} downloads artifacts with an empty pattern or path.");
        }
    }

    private void CheckServices(JobSurface surface, TargetDefinition root, IReadOnlyList<ServiceContainer> services)
    {
        foreach (var name in surface.Services.Keys.Where(n => services.All(s => s.Name != n)))
        {
            problems.Add($"the job {root.Name} has settings for the service container '{name}', which none of its targets uses.");
        }

        ServicePorts.CheckHostPorts(problems, root.Name, services, n => surface.Services.GetValueOrDefault(n) ?? ServiceSettings.Default);
    }

    private void CheckUploads(JobSurface surface, TargetDefinition root, IReadOnlyList<TargetDefinition> runs)
    {
        foreach (var (artifact, options) in surface.Uploads)
        {
            if (!runs.Any(t => t.Produces.Any(p => p.Name == artifact || p.Family == artifact))) // a family's settings apply to each member
            {
                problems.Add($"the job {root.Name} has upload settings for the artifact {artifact}, which none of the targets it runs produces.");
            }

            if (options.RetentionDays is < 1 or > 90)
            {
                problems.Add($"the job {root.Name} keeps the artifact {artifact} {options.RetentionDays} days; GitHub keeps an artifact 1 to 90 days.");
            }
        }
    }
}
