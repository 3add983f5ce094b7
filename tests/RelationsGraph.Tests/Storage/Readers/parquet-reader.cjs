// Reads a RelationsGraph Parquet export with DuckDB, knowing only docs/parquet.md, and prints what the tests compare
// with the library: row counts, the ids active in a window, and the triangle's pairs; the SQL is docs/parquet.md's.
// Usage: node parquet-reader.cjs DIR '{"from":"2017-01-01","to":"2017-12-31","triangle":["US","China","DPRK"]}'
const { createRequire } = require('module');
const path = require('path');
const load = createRequire(path.join(process.env.RELGRAPH_NODE_MODULES, 'node_modules', 'reader.js'));
const { DuckDBInstance } = load('@duckdb/node-api');

const [dir, query] = process.argv.slice(2);
const ask = JSON.parse(query);
const quote = (text) => `'${text.replace(/'/g, "''")}'`;
const table = (name) => `read_parquet(${quote(path.join(dir, name))}, hive_partitioning = true)`;

(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const rows = async (text) => (await sql.runAndReadAll(text)).getRowObjectsJson();
  const counts = {};
  for (const [name, files] of [['sources', 'sources.parquet'], ['actors', 'actors.parquet'], ['events', 'events.parquet'], ['relations', 'relations/*/*.parquet'], ['evidence', 'evidence/*.parquet']]) {
    counts[name] = Number((await rows(`SELECT count(*) AS n FROM ${table(files)}`))[0].n);
  }

  const year = Number(ask.to.slice(0, 4));
  const window = `year <= ${year} AND first_day <= DATE ${quote(ask.to)} AND last_day >= DATE ${quote(ask.from)}`;
  const slice = (await rows(`SELECT id FROM ${table('relations/*/*.parquet')} WHERE ${window} ORDER BY id`)).map((r) => r.id);
  const actors = ask.triangle.map(quote).join(', ');
  const pairs = {};
  for (const r of await rows(
    `SELECT least(source, target) || '|' || greatest(source, target) AS pair, count(*) AS relations,
            count(*) FILTER (WHERE polarity = 1) AS cooperative, count(*) FILTER (WHERE polarity = -1) AS conflictual
     FROM ${table('relations/*/*.parquet')}
     WHERE ${window} AND source IN (${actors}) AND target IN (${actors})
     GROUP BY 1 ORDER BY 1`)) {
    pairs[r.pair] = { relations: Number(r.relations), cooperative: Number(r.cooperative), conflictual: Number(r.conflictual) };
  }

  console.log(JSON.stringify({ counts, slice, pairs }));
})().catch((e) => { console.error(e.message); process.exit(1); });
