using Build;
using Pipeline;
using Pipeline.GitHubActions;

// The whole pipeline: its targets, the default one (what ./build.sh runs), the workflows it generates.
// ./build.sh --help lists the targets; ./build.sh --generate writes the workflows and IDE launch profiles.
return await new PipelineBuilder()
#if (isNone)
    .Add<Check>()
#else
    .Add<Format>()
    .Add<Lint>()
    .Add<Test>()
#endif
#if (hasCoverage)
    .Add<Coverage>()
#endif
#if (delivery)
    .Add<BuildImage>()
    .Add<Push>()
    .Add<DeployStaging>()
    .Add<Smoke>()
#endif
#if (isNone)
    .Default<Check>()
#else
    .Default<Test>()
#endif
    .Workflows(w => w.Add<Ci>())
    .RunAsync(args);
