// Reads a RelationsGraph snapshot with apache-arrow (pure JavaScript), knowing only docs/snapshot.md, and prints
// what the tests compare with the library: row counts, the ids active in a window, and the triangle's pairs.
// Usage: node snapshot-reader.cjs FILE '{"from":"2017-01-01","to":"2017-12-31","triangle":["US","China","DPRK"],"polarity":{"kind":-1|0|1}}'
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');
const load = createRequire(path.join(process.env.RELGRAPH_NODE_MODULES, 'node_modules', 'reader.js'));
const { RecordBatchReader } = load('apache-arrow');

const [file, query] = process.argv.slice(2);
const ask = JSON.parse(query);
const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const days = (value) => (typeof value === 'number' ? value : value.getTime()) / 86400000;
const tables = {};
for (const reader of RecordBatchReader.readAll(fs.readFileSync(file))) {
  const name = reader.schema.metadata.get('relgraph.table');
  const rows = (tables[name] ??= []);
  for (const batch of reader) {
    for (let i = 0; i < batch.numRows; i++) rows.push(batch.get(i).toJSON());
  }
}

const actorIds = tables.actors.map((a) => a.id);
const [from, to] = [day(ask.from), day(ask.to)];
const slice = [];
const pairs = {};
const wanted = new Set(ask.triangle);
for (const r of tables.relations) {
  if (days(r.first_day) > to || days(r.last_day) < from) continue;
  slice.push(r.id);
  const [s, t] = [actorIds[r.source], actorIds[r.target]];
  if (!wanted.has(s) || !wanted.has(t)) continue;
  const key = [s, t].sort().join('|');
  const pair = (pairs[key] ??= { relations: 0, cooperative: 0, conflictual: 0 });
  pair.relations++;
  const polarity = ask.polarity[r.kind];
  if (polarity > 0) pair.cooperative++;
  if (polarity < 0) pair.conflictual++;
}

slice.sort();
const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
console.log(JSON.stringify({ counts, slice, pairs }));
