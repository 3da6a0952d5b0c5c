using EventAndTicket.Build;

return await EventAndTicketPipeline.Create().RunAsync(args);
