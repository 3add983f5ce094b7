#!/bin/sh
# Imports this folder into the Neo4j 5 database named by the first argument (default: relationsgraph), which must be stopped.
# Written by relgraph; every file and option is explained in the RelationsGraph README.
cd "$(dirname "$0")" || exit 1
exec neo4j-admin database import full --overwrite-destination --delimiter=',' --array-delimiter=';' --quote='"' --multiline-fields=true --nodes=actors.csv --nodes=sources.csv --nodes=events.csv --relationships=relations.csv --relationships=actor-events.csv "${1:-relationsgraph}"
