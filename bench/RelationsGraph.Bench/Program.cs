using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RelationsGraph.Bench;
using RelationsGraph.Storage;

// relgraph-bench: gen | run | compare | scale. See docs/performance.md.
var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToList();
string Option(string name, string fallback)
{
    var i = rest.IndexOf(name);
    return i >= 0 && i + 1 < rest.Count ? rest[i + 1] : fallback;
}

int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

Workload.Parameters Asked()
{
    var triangle = Option("--triangle", string.Join(",", Workload.Parameters.Synthetic.Triangle)).Split(',');
    var path = Option("--path", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
    if (triangle.Length != 3 || (path.Length != 0 && path.Length != 2))
    {
        throw new ArgumentException("--triangle takes three actor ids and --path two, comma-separated.");
    }

    var center = Option("--center", string.Empty);
    return new Workload.Parameters(
        Option("--in", Workload.Parameters.Synthetic.Period), triangle, path.Length == 2 ? path[0] : null, path.Length == 2 ? path[1] : null, center.Length > 0 ? center : null);
}

var repo = FindRepo();
switch (command)
{
    case "gen":
        {
            // Streams the graph relation by relation: a 10M file never exists as 10M objects.
            var output = Option("-o", "synthetic.json");
            if (GraphFile.FormatOfName(output) == GraphFileFormat.Snapshot)
            {
                // Streamed straight into the snapshot: no relation objects, no JSON.
                var snapshotClock = Stopwatch.StartNew();
                var (actorCount, relationCount) = SnapshotGen.Write(output, Number("--actors", 200), Number("--relations", 1_000_000), Number("--seed", 1));
                Console.WriteLine($"{output}: {actorCount} actors, {relationCount} relations, {new FileInfo(output).Length / 1e6:0.0} MB, in {snapshotClock.Elapsed.TotalSeconds:0.0} s");
                return 0;
            }

            var layout = Option("--layout", "own");
            var generator = new Generator(Number("--actors", 200), Number("--relations", 1_000_000), Number("--seed", 1));
            foreach (var (path, kind) in layout == "all" ? Generator.Layouts.Select(l => (LayoutPath(output, l), l)) : [(output, layout)])
            {
                var clock = Stopwatch.StartNew();
                generator.Write(path, kind);
                Console.WriteLine($"{path}: {kind}, {generator.Actors} actors, {generator.Relations} relations, {new FileInfo(path).Length / 1e6:0.0} MB, in {clock.Elapsed.TotalSeconds:0.0} s");
            }

            return 0;
        }

    case "resave":
        {
            // Loads a file and saves it the library's way: any layout in, the canonical one out.
            var clock = Stopwatch.StartNew();
            var graph = RelationsGraph.Storage.GraphFile.Load(rest[0]);
            var loaded = clock.Elapsed.TotalSeconds;
            RelationsGraph.Storage.GraphFile.Save(rest[1], graph);
            Console.WriteLine($"{rest[0]} -> {rest[1]}: loaded in {loaded:0.00} s, saved in {clock.Elapsed.TotalSeconds - loaded:0.00} s");
            return 0;
        }

    case "load":
        {
            for (var i = 0; i < Number("--times", 3); i++)
            {
                using var self = Process.GetCurrentProcess();
                var cpu = self.TotalProcessorTime;
                var pause = GC.GetTotalPauseDuration();
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                var clock = Stopwatch.StartNew();
                var graph = RelationsGraph.Storage.GraphFile.Load(rest[0]);
                var wall = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.000} s; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; heap {GC.GetTotalMemory(false) / 1e6:0} MB");
                self.Refresh();
                var loadCpu = (self.TotalProcessorTime - cpu).TotalSeconds;
                cpu = self.TotalProcessorTime;
                if (GraphFile.FormatOfName(rest[0]) == GraphFileFormat.Snapshot)
                {
                    // A snapshot has no JSON tokens to scan.
                    Console.WriteLine($"load {i + 1}: {wall:0.000} s ({loadCpu:0.000} s CPU), {graph.Relations.Count} relations");
                    continue;
                }

                var scan = Workload.Scan(rest[0]);
                self.Refresh();
                Console.WriteLine($"load {i + 1}: {wall:0.000} s ({loadCpu:0.000} s CPU), {graph.Relations.Count} relations; scan {scan:0.000} s ({(self.TotalProcessorTime - cpu).TotalSeconds:0.000} s CPU)");
            }

            return 0;
        }

    case "first-load":
    case "first-scan":
        {
            // One cold load or one cold token scan, as the first work of a fresh process: seconds, on one line.
            var clock = Stopwatch.StartNew();
            var seconds = command == "first-scan" ? Workload.Scan(rest[0]) : Loaded(rest[0], clock);
            Console.WriteLine(seconds.ToString("R", CultureInfo.InvariantCulture));
            return 0;
        }

    case "memory":
        {
            // Managed memory a loaded graph holds beyond its text, after a full compacting collection: bytes per relation.
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var graph = GraphFile.Load(rest[0]);

            // The time index counts too: a load leaves it to the first query that slices by time.
            GC.KeepAlive(graph.RelationsActiveIn(RelationsGraph.Time.TimeWindow.During(RelationsGraph.Time.PartialDate.Parse("2017"))));
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var text = graph.Store.TextBytes;
            var count = Math.Max(1, graph.Relations.Count);
            Console.WriteLine(JsonConvert.SerializeObject(new Dictionary<string, object>
            {
                ["relations"] = graph.Relations.Count,
                ["managed_mb"] = (after - before) / 1e6,
                ["text_mb"] = text / 1e6,
                ["bytes_per_relation_beyond_text"] = (after - before - text) / (double)count,
                ["bytes_per_relation"] = (after - before) / (double)count,
            }));
            GC.KeepAlive(graph);
            return 0;
        }

    case "probe":
        {
            // Times one query many times on one loaded graph: relgraph-bench probe FILE [triangle|ego|slice|slice-by-id] [QUERIES]
            var graph = RelationsGraph.Storage.GraphFile.Load(rest[0]);
            var what = rest.Count > 1 && !rest[1].StartsWith("--", StringComparison.Ordinal) ? rest[1] : "triangle";
            var asked = Asked();
            var period = RelationsGraph.Time.TimeWindow.During(RelationsGraph.Time.PartialDate.Parse(asked.Period));
            var three = asked.Triangle.Select(id => new RelationsGraph.Model.ActorId(id)).ToArray();
            var center = new RelationsGraph.Model.ActorId(asked.Center ?? Generator.ActorIdOf(graph.Actors.Count - 1));
            var times = new List<double>();
            for (var i = 0; i < Number("--times", 30); i++)
            {
                var view = RelationsGraph.Queries.GraphView.Of(graph, period);
                var clock = Stopwatch.StartNew();
                object result = what switch
                {
                    "ego" => RelationsGraph.Queries.Neighbourhood.Of(view, center, 2)!,
                    "slice" => graph.RelationsActiveIn(period),
                    "slice-by-id" => view.Relations,
                    _ => RelationsGraph.Queries.GroupReport.Of(view, three),
                };
                times.Add(clock.Elapsed.TotalMilliseconds);
                GC.KeepAlive(result);
            }

            Console.WriteLine($"{what}: " + string.Join(" ", times.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture))) + " ms");
            return 0;
        }

    case "run":
        {
            var results = Workload.Run(rest[0], Asked());
            Console.WriteLine(JsonConvert.SerializeObject(results, Formatting.Indented));
            return 0;
        }

    case "compare":
        {
            // One table per file (say, the same graph in three layouts), answers checked against NetworkX's.
            var asked = Asked();
            var files = rest.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
            var relgraph = Option("--relgraph", Path.Combine(repo, "src", "RelationsGraph.Console", "bin", "Release", "net10.0", "relgraph"));
            var networkx = Path.Combine(repo, "bench", "peers", "networkx_bench.py");
            var differ = 0;
            var targets = new CoreTargets();
            foreach (var file in files)
            {
                // Both sides run with their runtime's defaults; ours warms each query up first (see Workload.Median),
                // the one-shot rows run the console as a user would, three times each in turn, and take the medians.
                var ours = ChildProcess.Json(Environment.ProcessPath!, ["run", file, .. asked.Options()]);
                var peer = ChildProcess.Json("/usr/bin/python3", [networkx, file, .. asked.Options()]);
                var (from, to, center) = (asked.PathFrom ?? (string)ours["path_from"]!, asked.PathTo ?? (string)ours["path_to"]!, asked.Center ?? (string)ours["center"]!);
                Console.WriteLine($"{file}: {ours["relations"]} relations, {ours["actors"]} actors; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}; queries warmed up (load is a first call)");
                targets.Size(file, (long)ours["relations"]!);
                Console.WriteLine($"{"operation",-34} {"RelationsGraph",14} {"NetworkX",14} {"ratio",9}  check");
                void Row(string name, string key, params string[] checks)
                {
                    var a = (double)ours[key]!;
                    var b = (double)peer[key]!;
                    var agree = checks.All(c => ours[c]!.ToString() == peer[c]!.ToString());
                    differ += agree ? 0 : 1;
                    var same = checks.Length == 0 ? string.Empty
                        : $"{string.Join("/", checks.Select(c => ours[c]))} vs {string.Join("/", checks.Select(c => peer[c]))}{(agree ? string.Empty : "  DIFFER")}";
                    Console.WriteLine($"{name,-34} {Workload.Format(a),14} {Workload.Format(b),14} {b / a,8:0.0}×  {same}");
                }

                Row("load", "load_s", "relations");
                Row($"slice {asked.Period}", "slice_s", "slice_count");
                Row("shortest path in slice", "path_s", "path_hops");
                Row("2-hop neighbourhood in slice", "ego_s", "ego_members", "ego_relations");
                Row("triangle in slice", "triangle_s", "triangle_relations");
                Row("timeline of busiest pair", "timeline_s", "timeline_entries");
                var memOurs = (double)ours["peak_mb"]!;
                var memPeer = (double)peer["peak_mb"]!;
                Console.WriteLine($"{"peak memory (process above)",-34} {memOurs,11:0} MB {memPeer,11:0} MB {memPeer / memOurs,8:0.0}×");

                // The console and the script, each answering one question from the file, end to end, with their peak memory.
                foreach (var (name, console, script) in new (string, string[], string[])[]
                {
                    ("one-shot triangle", ["triangle", .. asked.Triangle, "--in", asked.Period], ["--oneshot-triangle", .. asked.Triangle, "--in", asked.Period]),
                    ("one-shot path", ["path", from, to, "--in", asked.Period], ["--oneshot-path", from, to, "--in", asked.Period]),
                    ("one-shot 2-hop neighbourhood", ["neighbours", center, "--depth", "2", "--in", asked.Period], ["--oneshot-neighbours", center, "--in", asked.Period]),
                })
                {
                    // One run of each moves by a tenth from run to run, as much as a ratio near 10 has to spare.
                    var runs = Enumerable.Range(0, 3)
                        .Select(_ => (Ours: Measured(relgraph, [.. console, "--graph", file]), Theirs: Measured("/usr/bin/python3", [networkx, file, .. script])))
                        .ToList();
                    static (double Seconds, double PeakMb) Median(IEnumerable<(double Seconds, double PeakMb)> x) =>
                        (x.Select(r => r.Seconds).Order().ElementAt(1), x.Select(r => r.PeakMb).Order().ElementAt(1));
                    var (a, b) = (Median(runs.Select(r => r.Ours)), Median(runs.Select(r => r.Theirs)));
                    Console.WriteLine($"{name,-34} {Workload.Format(a.Seconds),14} {Workload.Format(b.Seconds),14} {b.Seconds / a.Seconds,8:0.0}×  " +
                        (a.PeakMb > 0 && b.PeakMb > 0 ? $"peak {a.PeakMb:0} MB vs {b.PeakMb:0} MB = 1/{b.PeakMb / a.PeakMb:0.0}" : "peak not measured (/usr/bin/time missing)"));
                    targets.AtLeast($"{name} vs NetworkX, end to end", file, b.Seconds / a.Seconds, 10);
                    if (a.PeakMb > 0 && b.PeakMb > 0)
                    {
                        targets.AtLeast($"{name} peak memory, NetworkX's / ours", file, b.PeakMb / a.PeakMb, 5);
                    }
                }

                // Load against a bare token scan, both as the first work of a fresh process (so both pay for a cold
                // start), three of each taken in turn; the medians.
                double Median3(List<double> x) => x.Order().ElementAt(1);
                var loads = new List<double>();
                var scans = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    loads.Add(First("first-load", file, []));
                    scans.Add(First("first-scan", file, []));
                }

                var memory = ChildProcess.Json(Environment.ProcessPath!, ["memory", file]);
                Console.WriteLine($"load {Workload.Format(Median3(loads))} = {Median3(loads) / Median3(scans):0.00}× a bare Newtonsoft token scan ({Workload.Format(Median3(scans))}), " +
                    $"each the median of three fresh processes (loads {string.Join(", ", loads.Select(Workload.Format))}; scans {string.Join(", ", scans.Select(Workload.Format))})");
                Console.WriteLine($"memory: {(double)memory["bytes_per_relation_beyond_text"]!:0} bytes per relation beyond its text ({(double)memory["bytes_per_relation"]!:0} with it), after a full collection");
                targets.AtMost("load / bare token scan (fresh processes, medians)", file, Median3(loads) / Median3(scans), 1.5);
                targets.AtMost("managed bytes per relation beyond its text", file, (double)memory["bytes_per_relation_beyond_text"]!, 120, "0");
                Console.WriteLine($"slice {Workload.Format((double)ours["slice_s"]!)} = {(double)ours["slice_s"]! / (double)ours["copy_s"]!:0.0}× a plain copy of its {ours["slice_count"]} relations into new arrays ({Workload.Format((double)ours["copy_s"]!)}); " +
                    $"the first slice, which builds the time index, {Workload.Format((double)ours["first_slice_s"]!)}");
                Console.WriteLine();
                if (!rest.Contains("--without-peers"))
                {
                    differ += Peers.Compare(repo, file, asked, ours, (command, path) => First(command, path, []));
                }
            }

            targets.Print(files);

            if (differ > 0)
            {
                Console.WriteLine($"{differ} answers differ between RelationsGraph and its peers");
                return 1;
            }

            return 0;
        }

    case "scale":
        {
            // Load time as the graph grows (generated in the asked layout, kept in --dir): fresh processes, medians of three.
            var folder = Option("--dir", Path.GetTempPath());
            var actors = Number("--actors", 200);
            var layout = Option("--layout", "own");
            Console.WriteLine($"{actors} actors, {layout} layout; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}");
            Console.WriteLine($"{"relations",11} {"MB",8} {"load",9} {"load/rel",10} {"growth",8} {"scan",9} {"load/scan",9} {"B/rel",7} {"peak MB",8}");
            double? previousLoad = null;
            long previousSize = 0;
            var scaleTargets = new CoreTargets();
            var sizes = Option("--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            string FileOf(int size) => Path.Combine(folder, $"synthetic-{actors}-{size}-{layout}.json");

            // Every file is made before any is timed: a load right after `gen` let go of gigabytes pays for touching
            // that memory again (this machine's host takes freed memory back), which once made 10M/1M 12.3x, not 10.3x.
            foreach (var size in sizes.Where(size => !File.Exists(FileOf(size))))
            {
                new Generator(actors, size, 1).Write(FileOf(size), layout);
            }

            foreach (var size in sizes)
            {
                var file = FileOf(size);
                var loads = new List<double>();
                var scans = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    loads.Add(First("first-load", file, []));
                    scans.Add(First("first-scan", file, []));
                }

                var (load, scan) = (loads.Order().ElementAt(1), scans.Order().ElementAt(1));
                var memory = ChildProcess.Json(Environment.ProcessPath!, ["memory", file]);
                var peak = Measured(Environment.ProcessPath!, ["first-load", file]).PeakMb;
                var growth = previousLoad is { } before ? $"{load / before:0.0}× /{size / (double)previousSize:0}×" : "";
                if (previousLoad is { } earlier)
                {
                    // Linear: a size k times larger loads in at most 1.2 k times the time (10M in at most 12× 1M's).
                    var times = size / (double)previousSize;
                    scaleTargets.AtMost($"load {size:N0} / load {previousSize:N0} ({actors:N0} actors)", layout, load / earlier, 1.2 * times, judged: previousSize >= CoreTargets.TargetRelations);
                }

                Console.WriteLine(
                    $"{size,11} {new FileInfo(file).Length / 1e6,8:0.0} {Workload.Format(load),9} {load / size * 1e6,7:0.00} µs {growth,8} {Workload.Format(scan),9} {load / scan,8:0.00}× " +
                    $"{(double)memory["bytes_per_relation_beyond_text"]!,7:0} {peak,8:0}");
                (previousLoad, previousSize) = (load, size);
            }

            scaleTargets.Print([layout]);

            return 0;
        }

    case "targets":
        {
            // The scale targets on snapshots, one fresh process per file: relgraph-bench targets FILE.arrows... [QUERIES]
            var relgraph = Option("--relgraph", Path.Combine(repo, "src", "RelationsGraph.Console", "bin", "Release", "net10.0", "relgraph"));
            string[] withoutOneShot = rest.Contains("--without-one-shot") ? ["--without-one-shot"] : [];
            ScaleTargets.Header();
            foreach (var file in rest.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)))
            {
                Wall(Environment.ProcessPath!, ["targets-row", file, "--relgraph", relgraph, .. withoutOneShot, .. Asked().Options()], echo: true);
            }

            return 0;
        }

    case "targets-row":
        ScaleTargets.Row(rest[0], Asked(), rest.Contains("--without-one-shot") ? null : Option("--relgraph", "relgraph"));
        return 0;

    default:
        Console.WriteLine("relgraph-bench gen [--actors 200] [--relations 1000000] [--seed 1] [--layout own|compact|pretty-shuffled|all] [-o FILE]");
        Console.WriteLine("  (-o FILE.arrows: streamed into a snapshot)");
        Console.WriteLine("relgraph-bench targets FILE.arrows... [QUERIES] [--without-one-shot]  load, memory, slice, triangle and one-shot triangle per snapshot");
        Console.WriteLine("relgraph-bench run FILE [QUERIES]                     time the operations, print JSON");
        Console.WriteLine("relgraph-bench compare FILE... [QUERIES] [--relgraph P] [--without-peers]  RelationsGraph and NetworkX side by side, with ratios;");
        Console.WriteLine("  then DuckDB and igraph (not with --without-peers), and the issue-16 targets per file, met or missed");
        Console.WriteLine("relgraph-bench memory FILE                    managed bytes per relation after a full collection, beyond text and with it");
        Console.WriteLine("  QUERIES: [--in 2017] [--triangle US,China,DPRK] [--path FROM,TO] [--center ID]");
        Console.WriteLine("  (the path and the neighbourhood default to the generator's last actors)");
        Console.WriteLine("relgraph-bench scale [--sizes 10000,100000,1000000] [--actors 200] [--layout own] [--dir D]");
        Console.WriteLine("relgraph-bench load FILE [--times 3]          load against a token scan, with GC pauses");
        Console.WriteLine("relgraph-bench first-load FILE | first-scan FILE  one cold load or token scan in this fresh process: seconds");
        Console.WriteLine("relgraph-bench probe FILE [triangle|ego|slice|slice-by-id] [QUERIES] [--times 30]  one query, timed each time");
        return command == "help" ? 0 : 2;
}

static double Loaded(string path, Stopwatch clock)
{
    var graph = RelationsGraph.Storage.GraphFile.Load(path);
    var seconds = clock.Elapsed.TotalSeconds;
    GC.KeepAlive(graph);
    return seconds;
}

static double First(string command, string file, (string Name, string Value)[] environment)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, [command, file]) { RedirectStandardOutput = true };
    foreach (var (name, value) in environment)
    {
        start.Environment[name] = value;
    }

    using var process = Process.Start(start)!;
    var text = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? double.Parse(text, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"{command} {file} exited {process.ExitCode}");
}

static double Wall(string program, string[] arguments, bool echo = false)
{
    var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = !echo };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    if (!echo)
    {
        process.StandardOutput.ReadToEnd();
    }

    process.WaitForExit();
    return process.ExitCode is 0 or 1 ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}");
}

static string LayoutPath(string output, string layout) =>
    Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $"{Path.GetFileNameWithoutExtension(output)}.{layout}{Path.GetExtension(output)}");

// A process's wall time and, through /usr/bin/time when there is one, its peak resident memory.
static (double Seconds, double PeakMb) Measured(string program, string[] arguments)
{
    var time = File.Exists("/usr/bin/time");
    var start = time
        ? new ProcessStartInfo("/usr/bin/time", ["-f", "%M", program, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true }
        : new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var error = time ? process.StandardError.ReadToEndAsync() : Task.FromResult(string.Empty);
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var seconds = clock.Elapsed.TotalSeconds;
    if (process.ExitCode is not (0 or 1))
    {
        throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
    }

    var lines = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    return (seconds, time && lines.Length > 0 && double.TryParse(lines[^1], CultureInfo.InvariantCulture, out var kb) ? kb / 1024 : 0);
}

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RelationsGraph.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
