using RustWorkspace.Build;

return await RustWorkspacePipeline.Create().RunAsync(args);
