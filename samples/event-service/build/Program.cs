using EventService.Build;

return await EventServicePipeline.Create().RunAsync(args);
