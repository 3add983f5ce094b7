#!/usr/bin/python3
"""The NetworkX peer of relgraph-bench: the same operations on the same graph.json, written the obvious way.

A MultiDiGraph whose edges carry the relation with its first and last day (ordinal day numbers; an open
period ends with the latest publication date of the sources it cites, as in RelationsGraph), a time slice as subgraph_view with an edge filter, shortest_path and ego_graph on
it (either direction, as RelationsGraph follows relations by default), the triangle as the slice's subgraph
on three actors, the timeline of a pair from the adjacency of both directions.

    /usr/bin/python3 bench/peers/networkx_bench.py FILE [--in 2017] [--triangle US,China,DPRK]
        [--path FROM,TO] [--center ID]                            # time the operations, print JSON
    /usr/bin/python3 bench/peers/networkx_bench.py FILE --oneshot-triangle US China DPRK --in 2017
    /usr/bin/python3 bench/peers/networkx_bench.py FILE --oneshot-path FROM TO --in 2017
    /usr/bin/python3 bench/peers/networkx_bench.py FILE --oneshot-neighbours CENTER --in 2017

Use Debian's python3-networkx (/usr/bin/python3); other Pythons on the PATH may lack networkx.
"""
import calendar
import datetime
import json
import resource
import sys
import time
from collections import Counter

import networkx as nx

RUNS = 5


def first_day(text):
    parts = [int(p) for p in text.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1).toordinal()


def last_day(text):
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31).toordinal()
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1]).toordinal()
    return datetime.date(*parts).toordinal()


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.MultiDiGraph()
    published = {s["id"]: last_day(s["published"]) for s in data["sources"]}
    for a in data["actors"]:
        g.add_node(a["id"], **a)
    for r in data["relations"]:
        if "at" in r:
            start, end = first_day(r["at"]), last_day(r["at"])
        else:
            start = first_day(r["start"])
            if r.get("end"):
                end = last_day(r["end"])
            else:
                end = max(published[e["source"]] for e in r["evidence"])
                end = end if end >= start else last_day(r["start"])
        g.add_edge(r["source"], r["target"], key=r["id"], lo=start, hi=end, **r)
    return g


def slice_view(g, period):
    lo, hi = first_day(period), last_day(period)

    def active(u, v, k):
        d = g[u][v][k]
        return d["lo"] <= hi and d["hi"] >= lo

    return nx.subgraph_view(g, filter_edge=active)


def median(action):
    times, result = [], None
    for _ in range(RUNS):
        t = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - t)
    return sorted(times)[RUNS // 2], result


def triangle(view, three):
    return sorted(view.subgraph(three).edges(keys=True, data=True), key=lambda e: (e[3]["lo"], e[2]))


def busiest_pair(g):
    counts = Counter(tuple(sorted((u, v))) for u, v, _ in g.edges(keys=True))
    most = max(counts.values())
    return min(pair for pair, count in counts.items() if count == most)


def actor_id(i):
    return {0: "US", 1: "China", 2: "DPRK"}.get(i, "A%04d" % i)


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run(path):
    period = option("--in", "2017")
    three = option("--triangle", "US,China,DPRK").split(",")
    out = {"tool": "NetworkX " + nx.__version__, "file": path.split("/")[-1]}
    t = time.perf_counter()
    g = load(path)
    out["load_s"] = time.perf_counter() - t
    out["relations"] = g.number_of_edges()
    out["actors"] = g.number_of_nodes()

    out["slice_s"], edges = median(lambda: sorted(slice_view(g, period).edges(keys=True, data=True), key=lambda e: e[2]))
    out["slice_count"] = len(edges)

    n = g.number_of_nodes()
    source, target = option("--path", actor_id(n - 1) + "," + actor_id(n - 2)).split(",")
    center = option("--center", actor_id(n - 1))

    def path():
        try:
            return nx.shortest_path(slice_view(g, period).to_undirected(as_view=True), source, target)
        except nx.NetworkXNoPath:
            return None

    out["path_s"], p = median(path)
    out["path_hops"] = len(p) - 1 if p else -1

    out["ego_s"], ego = median(lambda: nx.ego_graph(slice_view(g, period), center, radius=2, undirected=True))
    out["ego_members"] = ego.number_of_nodes()
    out["ego_relations"] = ego.number_of_edges()

    out["triangle_s"], tri = median(lambda: triangle(slice_view(g, period), three))
    out["triangle_relations"] = len(tri)

    a, b = busiest_pair(g)

    def timeline():
        between = [d for u, v in ((a, b), (b, a)) if g.has_edge(u, v) for d in g[u][v].values()]
        return sorted(between, key=lambda d: (d["lo"], d["id"]))

    out["timeline_s"], tl = median(timeline)
    out["timeline_pair"] = a + "|" + b
    out["timeline_entries"] = len(tl)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(out, indent=2))


def oneshot_triangle(path, three, period):
    g = load(path)
    for u, v, k, d in triangle(slice_view(g, period), three):
        print(d["lo"], d["kind"], u, "->" if d.get("directed") else "--", v, d["label"])


def oneshot_path(path, source, target, period):
    g = load(path)
    try:
        p = nx.shortest_path(slice_view(g, period).to_undirected(as_view=True), source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        print("no path")
        return
    view = slice_view(g, period)
    for u, v in zip(p, p[1:]):
        between = [d for a, b in ((u, v), (v, u)) if view.has_edge(a, b) for d in view[a][b].values()]
        print(u, "->", v, len(between), "relations")


def oneshot_neighbours(path, center, period):
    g = load(path)
    ego = nx.ego_graph(slice_view(g, period), center, radius=2, undirected=True)
    for n in sorted(ego.nodes):
        print(n)
    for u, v, d in ego.edges(data=True):
        print(d["id"], u, v, d["kind"], d["label"])


if __name__ == "__main__":
    if "--oneshot-triangle" in sys.argv:
        i = sys.argv.index("--oneshot-triangle")
        oneshot_triangle(sys.argv[1], sys.argv[i + 1:i + 4], option("--in", "2017"))
    elif "--oneshot-path" in sys.argv:
        i = sys.argv.index("--oneshot-path")
        oneshot_path(sys.argv[1], sys.argv[i + 1], sys.argv[i + 2], option("--in", "2017"))
    elif "--oneshot-neighbours" in sys.argv:
        i = sys.argv.index("--oneshot-neighbours")
        oneshot_neighbours(sys.argv[1], sys.argv[i + 1], option("--in", "2017"))
    else:
        run(sys.argv[1])
