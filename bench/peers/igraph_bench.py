#!/usr/bin/python3
"""The igraph peer of relgraph-bench compare: the shortest path and the 2-hop neighbourhood in a time slice, on the
same graph.json, with python-igraph's C core (Debian's python3-igraph).

The relations become the edges of an undirected multigraph (RelationsGraph follows relations either way by
default) with each edge's first and last day (ordinal day numbers; an open period ends with the latest publication
date of the sources it cites, as in RelationsGraph). A query takes the slice as the subgraph of the edges active in
the period (all vertices kept), then get_shortest_path or neighborhood(order=2) on it; the neighbourhood's relations
are the slice's edges among its members, as NetworkX's ego_graph counts them.

    /usr/bin/python3 bench/peers/igraph_bench.py FILE [--in 2017] [--path FROM,TO] [--center ID]   # prints JSON
"""
import json
import warnings
import resource
import sys
import time

import igraph

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from networkx_bench import first_day, last_day, actor_id, option  # noqa: E402  the same date rules and defaults

RUNS = 5
warnings.simplefilter("ignore", RuntimeWarning)  # igraph warns when no path exists; that answer is -1 hops
WARM = 20


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    published = {s["id"]: last_day(s["published"]) for s in data["sources"]}
    ids = [a["id"] for a in data["actors"]]
    index = {a: i for i, a in enumerate(ids)}
    edges, lo, hi = [], [], []
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
        edges.append((index[r["source"]], index[r["target"]]))
        lo.append(start)
        hi.append(end)
    g = igraph.Graph(n=len(ids), edges=edges, directed=False, vertex_attrs={"name": ids}, edge_attrs={"lo": lo, "hi": hi})
    return g


def sliced(g, period):
    lo, hi = first_day(period), last_day(period)
    return g.subgraph_edges(g.es.select(lo_le=hi, hi_ge=lo), delete_vertices=False)


def median(action):
    for _ in range(WARM):
        action()
    times, result = [], None
    for _ in range(RUNS):
        t = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - t)
    return sorted(times)[RUNS // 2], result


def run(path):
    period = option("--in", "2017")
    out = {"tool": "igraph " + igraph.__version__, "file": path.split("/")[-1]}
    t = time.perf_counter()
    g = load(path)
    out["load_s"] = time.perf_counter() - t
    out["relations"] = g.ecount()
    n = g.vcount()
    source, target = option("--path", actor_id(n - 1) + "," + actor_id(n - 2)).split(",")
    center = option("--center", actor_id(n - 1))
    v = {name: i for i, name in enumerate(g.vs["name"])}

    def path():
        s = sliced(g, period)
        p = s.get_shortest_paths(v[source], to=v[target], mode="all", output="vpath")[0]
        return len(p) - 1 if p else -1

    out["path_s"], out["path_hops"] = median(path)

    def ego():
        s = sliced(g, period)
        members = s.neighborhood(v[center], order=2, mode="all")
        return len(members), s.induced_subgraph(members).ecount()

    out["ego_s"], (out["ego_members"], out["ego_relations"]) = median(ego)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    run(sys.argv[1])
