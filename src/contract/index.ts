/** The API contract: zod schemas of every payload, shared by the server, the CLI and the web app. */
export * from './audit.ts';
export * from './common.ts';
export * from './dashboard.ts';
export * from './data.ts';
export * from './extract.ts';
export * from './jobs.ts';
export * from './leads.ts';
export * from './models.ts';
export * from './org.ts';
export * from './rights.ts';
export * from './routes/index.ts';
export * from './session.ts';
export * from './vocabulary.ts';
