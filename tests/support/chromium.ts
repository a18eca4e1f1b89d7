// Finds a local Chromium; never downloads one (the machines here have no network but the registries).
import { existsSync } from 'node:fs';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function resolveChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return system;
  if (process.platform === 'linux') {
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      const path = await chromium.executablePath();
      if (path && existsSync(path)) return path;
    } catch (e) {
      throw new Error(`No Chromium found. @sparticuz/chromium failed to unpack: ${(e as Error).message}. ${HELP}`);
    }
  }
  throw new Error(`No Chromium found. ${HELP}`);
}

const HELP =
  'Set CHROMIUM_PATH to a Chromium or Chrome binary, install one (Debian: apt-get install chromium), or on Linux run npm install so the @sparticuz/chromium devDependency is present.';
