using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;
using RelationsGraph.Parquet;
using RelationsGraph.Storage;

namespace RelationsGraph.Bench;

/// <summary>
/// The stronger peers of <c>compare</c>, on the same graph in the same run: DuckDB (SQL over the graph's Parquet
/// export, in process and warm: load, slice, triangle) and igraph (C core: shortest path and 2-hop neighbourhood);
/// and the snapshot's load against graph.json's, each the first work of a fresh process.
/// </summary>
internal static class Peers
{
    /// <summary>Prints the rows and returns how many answers differ.</summary>
    public static int Compare(string repo, string file, Workload.Parameters asked, JObject ours, Func<string, string, double> firstLoad)
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-peers-").FullName;
        try
        {
            var graph = GraphFile.Load(file);
            var snapshot = Path.Combine(folder, "graph.arrows");
            GraphFile.Save(snapshot, graph);
            var export = Path.Combine(folder, "parquet");
            ParquetExport.Write(export, graph);
            graph = null;
            GC.Collect();

            // Taken in turns, as the load against the scan is: a fresh process pays for the memory the one before it let go
            // (on a virtual machine whose host takes freed memory back), so three of one kind in a row would favour none fairly.
            var (jsonLoads, snapshotLoads) = (new List<double>(), new List<double>());
            for (var i = 0; i < 3; i++)
            {
                jsonLoads.Add(firstLoad("first-load", file));
                snapshotLoads.Add(firstLoad("first-load", snapshot));
            }

            jsonLoads.Sort();
            snapshotLoads.Sort();
            Console.WriteLine(
                $"snapshot load {Workload.Format(snapshotLoads[1])} against graph.json {Workload.Format(jsonLoads[1])}: {snapshotLoads[1] / jsonLoads[1]:0.000} of it " +
                $"(1/{jsonLoads[1] / snapshotLoads[1]:0.0}); medians of three fresh processes each ({new FileInfo(snapshot).Length / 1e6:0} MB against {new FileInfo(file).Length / 1e6:0} MB)");

            var differ = 0;
            var options = asked.Options().ToArray();
            var modules = Environment.GetEnvironmentVariable("RELGRAPH_NODE_MODULES");
            JObject? duck = null;
            if (string.IsNullOrEmpty(modules))
            {
                Console.WriteLine("DuckDB peer not run: set RELGRAPH_NODE_MODULES to a folder with @duckdb/node-api (docs/performance.md)");
            }
            else
            {
                duck = ChildProcess.Json("node", [Path.Combine(repo, "bench", "peers", "duckdb_bench.cjs"), export, .. options], ("RELGRAPH_NODE_MODULES", modules));
            }

            var igraph = ChildProcess.Json("/usr/bin/python3", [Path.Combine(repo, "bench", "peers", "igraph_bench.py"), file, .. options]);
            Console.WriteLine($"{"operation",-30} {"RelationsGraph",14} {"peer",14} {"ratio",9}  check");
            void Row(string name, JObject peer, string tool, double oursSeconds, string key, params string[] checks)
            {
                var theirs = (double)peer[key]!;
                var agree = checks.All(c => ours[c]!.ToString() == peer[c]!.ToString());
                differ += agree ? 0 : 1;
                var same = checks.Length == 0 ? string.Empty
                    : $"{string.Join("/", checks.Select(c => ours[c]))} vs {string.Join("/", checks.Select(c => peer[c]))}{(agree ? string.Empty : "  DIFFER")}";
                Console.WriteLine($"{name,-30} {Workload.Format(oursSeconds),14} {Workload.Format(theirs),14} {theirs / oursSeconds,8:0.0}×  {tool}; {same}");
            }

            if (duck is not null)
            {
                Row("load (snapshot / table)", duck, (string)duck["tool"]!, snapshotLoads[1], "load_s", "relations");
                Row($"slice {asked.Period}", duck, "DuckDB", (double)ours["slice_s"]!, "slice_s", "slice_count");
                Row("triangle in slice", duck, "DuckDB", (double)ours["triangle_s"]!, "triangle_s", "triangle_relations");
            }

            Row("shortest path in slice", igraph, (string)igraph["tool"]!, (double)ours["path_s"]!, "path_s", "path_hops");
            Row("2-hop neighbourhood in slice", igraph, "igraph", (double)ours["ego_s"]!, "ego_s", "ego_members", "ego_relations");
            return differ;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
