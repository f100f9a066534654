// The page script's entry point, bundled for the browser by scripts/build.mjs into dist/dashboard.js (copied into
// every site as assets/dashboard.js): reads the config the page embeds and boots the dashboard.
import { bootDashboard, type PageConfig } from './browser-page.js';

const config = JSON.parse(document.getElementById('dashboard-config')!.textContent!) as PageConfig;
bootDashboard(config, Boolean((window as unknown as { LAKE_LIVE?: boolean }).LAKE_LIVE));
