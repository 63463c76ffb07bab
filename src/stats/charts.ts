/**
 * The bulletin's charts as PNG: ECharts rendered on the server to SVG (`ssr: true`), the SVG drawn
 * onto a @napi-rs/canvas canvas (its `loadImage` reads SVG) and saved as PNG, which Word shows
 * everywhere (SVG in .docx needs a PNG fallback anyway). Chinese labels need a CJK font: the
 * system's Noto CJK (or any font under the usual folders) is registered once; without one the
 * bars still draw and the labels fall back to boxes.
 */
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import * as echarts from 'echarts';

const FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  'C:\\Windows\\Fonts',
  '/System/Library/Fonts',
];
let fontFamily: string | undefined;

function cjkFont(): string {
  if (fontFamily !== undefined) return fontFamily;
  for (const dir of FONT_DIRS) if (existsSync(dir)) GlobalFonts.loadFontsFromDir(dir);
  const families = GlobalFonts.families.map((f) => f.family);
  // A .ttc registers its first face only (Noto Sans CJK JP): it holds every 汉字 all the same.
  fontFamily =
    families.find((f) => /CJK SC|Han Sans SC|YaHei|SimHei|PingFang/.test(f)) ??
    families.find((f) => /Sans CJK|WenQuanYi|Han Sans/.test(f)) ??
    families.find((f) => /CJK/.test(f)) ??
    'sans-serif';
  return fontFamily;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** One ECharts option as a PNG (white background, no animation). */
export async function chartPng(
  option: echarts.EChartsCoreOption,
  size: ChartSize = { width: 900, height: 420 },
): Promise<Buffer> {
  const font = cjkFont();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  chart.setOption({ animation: false, textStyle: { fontFamily: font }, ...option });
  // Skia draws stroke-width 0 as a hairline, where browsers draw nothing (boxes round titles).
  const svg = chart
    .renderToSVGString()
    .replace(/stroke="[^"]*"(\s+stroke-width="0")/g, 'stroke="none"$1');
  chart.dispose();
  const image = await loadImage(Buffer.from(svg));
  // Twice the pixels, so the chart stays sharp when Word scales it to the page.
  const canvas = createCanvas(size.width * 2, size.height * 2);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toBuffer('image/png');
}

/** Bars of several series over categories (trend by month, figures by unit). */
export function barOption(
  title: string,
  categories: readonly string[],
  series: readonly { name: string; data: readonly number[] }[],
): echarts.EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { top: 30 },
    grid: { left: 60, right: 30, top: 70, bottom: 60, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.data],
      label: { show: categories.length <= 12, position: 'top' },
    })),
  };
}

/** The chain lead → case → recommendation → adopted → resumed, as a funnel. */
export function funnelOption(
  title: string,
  steps: readonly { name: string; value: number }[],
): echarts.EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    series: [
      {
        type: 'funnel',
        top: 50,
        bottom: 20,
        sort: 'none',
        minSize: '8%',
        label: {
          show: true,
          position: 'inside',
          formatter: '{b}：{c}',
          color: '#1f1f1f',
          textBorderWidth: 0,
        },
        data: steps.map((s) => ({ ...s })),
      },
    ],
  };
}
