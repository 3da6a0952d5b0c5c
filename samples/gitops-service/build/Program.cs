using GitOpsService.Build;

return await GitOpsServicePipeline.Create().RunAsync(args);
