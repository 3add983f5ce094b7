using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/RelationsGraph.Bench.Micro -- --filter '*'
BenchmarkRunner.Run<RelationsGraph.Bench.Micro.HotPaths>(args: args);
