using DotNetService.Build;

return await DotNetServicePipeline.Create().RunAsync(args);
