// The DuckDB peer of relgraph-bench compare: the slice and the triangle as SQL over the same graph's Parquet export
// (relgraph export parquet), in process and warm: the relations are loaded into an in-memory table once (timed as
// the load), then each query runs 20 times unmeasured and 5 times measured (the median). A query's result is
// materialized in DuckDB (runAndReadAll), as the library's result list is.
//   RELGRAPH_NODE_MODULES=DIR node bench/peers/duckdb_bench.cjs EXPORT_DIR [--in 2017] [--triangle US,China,DPRK]   # prints JSON
const { createRequire } = require('module');
const path = require('path');
const load = createRequire(path.join(process.env.RELGRAPH_NODE_MODULES, 'node_modules', 'peer.js'));
const { DuckDBInstance, version } = load('@duckdb/node-api');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dir = args[0];
const period = option('--in', '2017');
const triangle = option('--triangle', 'US,China,DPRK').split(',');
const quote = (text) => `'${text.replace(/'/g, "''")}'`;
const lastOfMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const [y, m] = period.split('-').map(Number);
const from = m ? `${y}-${String(m).padStart(2, '0')}-01` : `${y}-01-01`;
const to = m ? `${y}-${String(m).padStart(2, '0')}-${lastOfMonth(y, m)}` : `${y}-12-31`;
const window = `first_day <= DATE ${quote(to)} AND last_day >= DATE ${quote(from)}`;

(async () => {
  const out = { tool: `DuckDB ${typeof version === 'function' ? version() : ''}`.trim(), file: path.basename(dir) };
  let t = process.hrtime.bigint();
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  await sql.run(`CREATE TABLE relations AS SELECT * FROM read_parquet(${quote(path.join(dir, 'relations', '*', '*.parquet'))}, hive_partitioning = true)`);
  out.load_s = Number(process.hrtime.bigint() - t) / 1e9;
  out.relations = Number((await sql.runAndReadAll('SELECT count(*) AS n FROM relations')).getRowObjectsJson()[0].n);

  const median = async (query) => {
    let rows = 0;
    for (let i = 0; i < 20; i++) await sql.runAndReadAll(query);
    const times = [];
    for (let i = 0; i < 5; i++) {
      t = process.hrtime.bigint();
      const reader = await sql.runAndReadAll(query);
      times.push(Number(process.hrtime.bigint() - t) / 1e9);
      rows = reader.currentRowCount;
    }
    return [times.sort((a, b) => a - b)[2], rows];
  };

  [out.slice_s, out.slice_count] = await median(`SELECT * FROM relations WHERE ${window}`);
  const three = triangle.map(quote).join(', ');
  [out.triangle_s, out.triangle_relations] = await median(
    `SELECT * FROM relations WHERE ${window} AND source IN (${three}) AND target IN (${three}) ORDER BY first_day, id`);
  out.peak_mb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(out, null, 2));
})().catch((e) => { console.error(e.message); process.exit(1); });
