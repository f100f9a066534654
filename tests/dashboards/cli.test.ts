// `lake dashboard build | serve | publish --dry-run` as users run them, in the fixture project.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { projectDashboards } from '../../src/dashboards/build.js';
import { queryDashboardData } from '../../src/dashboards/query.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { recordDuckDBStatements } from '../helpers/duckdb-statements.js';
import { captureIo, prepareShop, type Shop } from './fixture.js';
import { allSchemaProblems } from './sdk-schema.js';

describe('lake dashboard', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await prepareShop();
  });

  it('build writes index.html and a page per dashboard, and says where', async () => {
    const io = captureIo(shop.root);
    expect(await main(['dashboard', 'build', '--out', 'site'], io)).toBe(0);
    expect(io.out).toContain('sales: 9 visuals (rows: daily_sales 11, fulfilment 5, order_status 14) → site/sales.html');
    expect(io.out).toContain(`Dashboards: ${join(shop.root, 'site', 'index.html')}`);
    for (const file of ['index.html', 'sales.html', 'operations.html', 'assets/echarts.min.js', 'assets/dashboard.js', 'assets/dashboard.css', 'live.js']) {
      expect(existsSync(join(shop.root, 'site', file)), file).toBe(true);
    }
    // Self-contained: the page loads nothing from the network.
    expect(readFileSync(join(shop.root, 'site', 'sales.html'), 'utf8')).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('build defaults to the lake folder', async () => {
    const io = captureIo(shop.root);
    expect(await main(['dashboard', 'build', '--only', 'operations'], io)).toBe(0);
    expect(existsSync(join(shop.root, '.lake', '.dashboards', 'operations.html'))).toBe(true);
  });

  it('a broken dashboard file fails the build with the file, line and field', async () => {
    const shop2 = await prepareShop();
    const file = join(shop2.root, 'sql', 'dashboards', 'operations.dashboard.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('y: orders,', 'y: orderz,'));
    const io = captureIo(shop2.root);
    expect(await main(['dashboard', 'build'], io)).toBe(1);
    expect(io.err).toBe(
      "error: sql/dashboards/operations.dashboard.yaml:3:95: error [dashboard/view] 'visuals.0.y': view 'fulfilment' has no column 'orderz'\n  hint: its columns: order_date, delivered_share, orders\n",
    );
  });

  it('build reads each view once: its unfiltered rows give its columns, no `LIMIT 0` query first (issue 18)', async () => {
    const recorder = recordDuckDBStatements();
    const io = captureIo(shop.root);
    try {
      expect(await main(['dashboard', 'build', '--out', 'site-once'], io)).toBe(0);
    } finally {
      recorder.restore();
    }
    expect(recorder.sent.filter((sql) => /\bLIMIT 0$/.test(sql))).toEqual([]);
    // The same rows as before: the columns checked against the definitions and the page's counts come from that read.
    expect(io.out).toContain('sales: 9 visuals (rows: daily_sales 11, fulfilment 5, order_status 14) → site-once/sales.html');
  });

  it("build takes the filters' choices from the rows it read of the views, as the filters' queries answer them", async () => {
    const [sales] = projectDashboards(shop.project, ['sales']);
    const engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    try {
      const recorder = recordDuckDBStatements();
      let built: Awaited<ReturnType<typeof queryDashboardData>>;
      try {
        built = await queryDashboardData(engine, sales);
      } finally {
        recorder.restore();
      }
      expect(recorder.sent.filter((sql) => /\bmin\(v\)|\bDISTINCT v\b/.test(sql))).toEqual([]);
      // Filtered (the live server's path), the choices come from the filters' queries.
      const queried = await queryDashboardData(engine, sales, { values: {} });
      expect(built.filterOptions).toEqual(queried.filterOptions);
      expect(built.filterOptions.channel.values?.length).toBeGreaterThan(1);
      expect(built.filterOptions.period.min).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await engine.close();
    }
  });

  it('a view that cannot be read fails the build naming the dashboard file', async () => {
    const shop2 = await prepareShop();
    const file = join(shop2.root, 'sql', 'dashboards', 'operations.dashboard.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('view: fulfilment', 'view: nosuchview'));
    const io = captureIo(shop2.root);
    expect(await main(['dashboard', 'build'], io)).toBe(1);
    expect(io.err).toMatch(
      /^error: sql\/dashboards\/operations\.dashboard\.yaml:1:1: error \[dashboard\/view\] view 'shop\.nosuchview' cannot be read: .*nosuchview/,
    );
  });

  it('publish --dry-run prints every QuickSight input, valid for the SDK', async () => {
    const io = captureIo(shop.root);
    const code = await main(
      [
        'dashboard',
        'publish',
        '--dry-run',
        '--account-id',
        '111122223333',
        '--region',
        'eu-west-1',
        '--principal',
        'arn:aws:quicksight:eu-west-1:111122223333:user/default/ana',
      ],
      io,
    );
    expect(code).toBe(0);
    const resources = JSON.parse(io.out);
    expect(resources.dataSource.DataSourceId).toBe('shop-local-athena');
    expect(resources.dashboards.map((d: { dashboard: { DashboardId: string } }) => d.dashboard.DashboardId)).toEqual([
      'shop-local-operations',
      'shop-local-sales',
    ]);
    expect(allSchemaProblems(resources)).toEqual([]);
  });

  it('names an unknown dashboard of --only as a user error (exit 1) with the known ones', async () => {
    const io = captureIo(shop.root);
    expect(await main(['dashboard', 'build', '--only', 'salez'], io)).toBe(1);
    expect(io.err).toContain('error: no dashboard named salez');
    expect(io.err).toContain("hint: the project's dashboards: operations, sales");
  });

  it('publish without --dry-run needs the account, region and principal', async () => {
    const io = captureIo(shop.root);
    const env = { ...process.env };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    delete process.env.AWS_ACCOUNT_ID;
    try {
      expect(await main(['dashboard', 'publish'], io)).toBe(2);
    } finally {
      Object.assign(process.env, env);
    }
    expect(io.err).toMatch(/QuickSight publish needs --account-id, --region, --principal/);
  });

  it('serve runs as a real process on 127.0.0.1 and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'lake.js'), 'dashboard', 'serve', '--port', '0'], { cwd: shop.root });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /Serving dashboards at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`lake dashboard serve exited with ${code}: ${out}`)));
    });
    const page = await fetch(`${url}sales.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Shop sales');
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
