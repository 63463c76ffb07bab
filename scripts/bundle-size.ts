/**
 * First-load size of the web app: the gzip bytes of the JS the sign-in page and 工作台 load
 * (the entry chunk, its static imports, and the 工作台 page chunk with its imports), read from
 * the Vite manifest. Target (issue 5): ≤ 2 MB. Run `npm run build:web` first.
 *
 *   npx tsx scripts/bundle-size.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface BundleSize {
  files: { file: string; gzip: number }[];
  totalGzip: number;
}

const DASHBOARD = 'src/pages/dashboard-page.tsx';

export function measureFirstLoad(distDir: string): BundleSize {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`缺少 ${manifestPath}：请先运行 npm run build:web`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest 中没有 ${key}`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  entries.forEach(([k]) => visit(k));
  visit(DASHBOARD);
  const files = [...seen]
    .map((k) => manifest[k]!.file)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    }))
    .sort((a, b) => b.gzip - a.gzip);
  return { files, totalGzip: files.reduce((n, f) => n + f.gzip, 0) };
}

export function formatBundleSize(size: BundleSize): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = size.files.map((f) => `  ${kb(f.gzip).padStart(10)}  ${f.file}`);
  return [
    '首次加载 JS（登录页 + 工作台，gzip）/ first-load JS (sign-in + dashboard, gzip):',
    ...lines,
    `  ${kb(size.totalGzip).padStart(10)}  合计 / total (目标 ≤ 2048 KB)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = fileURLToPath(new URL('../web/dist', import.meta.url));
  const size = measureFirstLoad(dist);
  console.log(formatBundleSize(size));
  if (size.totalGzip > 2 * 1024 * 1024) process.exitCode = 1;
}
