using StagedRelease.Build;

return await StagedReleasePipeline.Create().RunAsync(args);
