module ect-go

go 1.19
