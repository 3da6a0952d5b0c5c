module example.com/gitops-service

go 1.19
