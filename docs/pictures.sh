#!/usr/bin/env bash
# Draws the pictures of docs/exports.md (and the README's): relgraph writes DOT, Graphviz's dot renders it to SVG.
# Run from anywhere: bash docs/pictures.sh (needs the .NET SDK and the Debian package graphviz).
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph() { dotnet run --project src/RelationsGraph.Console -c Release -- "$@"; }

relgraph dot --in 2017 --actors US,China,DPRK -o docs/triangle-2017.dot
relgraph dot --from 1950 --to 1953 -o docs/korean-war-1950-1953.dot
relgraph dot --from 2016 --to 2019 --actors US,China,DPRK --each year -o docs/triangle.dot

for file in docs/*.dot; do
  dot -Tsvg "$file" -o "${file%.dot}.svg"
done
