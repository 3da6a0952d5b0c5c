module example.com/staged-release

go 1.19
