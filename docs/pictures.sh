#!/usr/bin/env bash
# Draws the pictures of docs/exports.md (and the README's): relgraph writes DOT, Graphviz's dot renders it to SVG.
# Run from anywhere: bash docs/pictures.sh (needs the .NET SDK and the Debian package graphviz).
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph() { dotnet run --project src/RelationsGraph.Console -c Release -- "$@"; }

relgraph dot --in 2017 --actors US,China,DPRK -o docs/triangle-2017.dot
relgraph dot --from 1950 --to 1953 -o docs/korean-war-1950-1953.dot
relgraph dot --from 2016 --to 2019 --actors US,China,DPRK --each year -o docs/triangle.dot

# The trend charts: relgraph draws the SVG itself (ScottPlot). The ICEWS18 one needs ../shared/data/icews18 beside the clone.
relgraph trend China DPRK --from 1949 --to 2021 -o docs/trend-china-dprk.svg
if [ -d ../shared/data/icews18 ]; then
  out=$(mktemp -d)
  relgraph import icews ../shared/data/icews18 -o "$out/icews18.json" >/dev/null
  relgraph trend US China --by day --graph "$out/icews18.json" -o docs/trend-icews18-us-china.svg
  rm -rf "$out"
fi

for file in docs/*.dot; do
  dot -Tsvg "$file" -o "${file%.dot}.svg"
done
