import { DATASETS } from '../catalog/datasets.ts';
import { generateBackground } from './background.ts';
import { loadGeography, type Court } from './geography.ts';
import { plantCompletedPunishments, plantM22, plantM23, plantM24 } from './plant-credit.ts';
import { plantM10, plantM11, plantM12, plantM13, plantM14, plantM15 } from './plant-procedure.ts';
import { plantM18, plantPayments } from './plant-money-seals.ts';
import { plantM08, plantM09 } from './plant-family.ts';
import { plantM03, plantM04, plantM05, plantM06, plantM07 } from './plant-holdings.ts';
import { plantM01, plantM02, plantM19 } from './plant-vehicles.ts';
import { Rng } from './prng.ts';
import { DemoWorld, type Planted, type Row } from './world.ts';

/** The demo's fixed as-of date: the answer file carries it and the models' run uses it. */
export const DEMO_AS_OF = '2026-06-30';
export const DEFAULT_SEED = 20260630;

export interface ProvinceOptions {
  /** 1 = the small default (a few thousand cases' worth of rows); background grows linearly. */
  readonly scale?: number;
  readonly seed?: number;
  readonly asOf?: string;
}

/** A generated province: canonical rows per dataset and the answer file's planted situations. */
export interface Province {
  readonly asOf: string;
  readonly seed: number;
  readonly scale: number;
  readonly provinceName: string;
  readonly courts: readonly Court[];
  /** Dataset name → rows in canonical form (what the importer must store). */
  readonly tables: Readonly<Record<string, readonly Row[]>>;
  readonly planted: readonly Planted[];
}

const PLANTERS: readonly ((world: DemoWorld) => void)[] = [
  plantM01,
  plantM02,
  plantM03,
  plantM04,
  plantM05,
  plantM06,
  plantM07,
  plantM08,
  plantM09,
  plantM19,
  plantM10,
  plantM11,
  plantM12,
  plantM13,
  plantM14,
  plantM15,
  plantPayments,
  plantM18,
  plantCompletedPunishments,
  plantM22,
  plantM23,
  plantM24,
];

/**
 * Generates the demo province: pure and deterministic for a seed (no I/O, no clock, no
 * Math.random). Planted situations repeat `max(1, floor(scale))` times; background scales linearly.
 */
export function generateProvince(options: ProvinceOptions = {}): Province {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? DEMO_AS_OF;
  if (!(scale > 0)) throw new Error(`demo: scale must be > 0 (got ${scale})`);
  const geo = loadGeography();
  const world = new DemoWorld(new Rng(seed), geo, asOf);
  const repetitions = Math.max(1, Math.floor(scale));
  for (let r = 0; r < repetitions; r++) {
    for (const plant of PLANTERS) plant(world);
  }
  generateBackground(world, scale);
  const tables: Record<string, Row[]> = {};
  for (const dataset of DATASETS) {
    const rows = world.rows(dataset.name);
    if (rows.length > 0) tables[dataset.name] = rows;
  }
  return {
    asOf,
    seed,
    scale,
    provinceName: geo.provinceName,
    courts: geo.courts,
    tables,
    planted: world.planted,
  };
}
