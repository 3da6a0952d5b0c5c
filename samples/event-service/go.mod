module example.com/event-service

go 1.19
