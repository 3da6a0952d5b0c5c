using AccountsService.Build;

return await AccountsServicePipeline.Create().RunAsync(args);
