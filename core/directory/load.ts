// Loads the directory file once per process (cold start) and validates it.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { runtimeConfig } from '../config/runtime.ts';
import { parseDirectory, type Directory } from './directory.ts';

let cached: { file: string; directory: Directory } | undefined;

/** In Lambda the file sits beside the bundle (copied there by the CDK); locally DIRECTORY_FILE points at it. */
export function loadDirectory(file = runtimeConfig().DIRECTORY_FILE): Directory {
  const path = isAbsolute(file) ? file : join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), file);
  if (cached?.file !== path) {
    cached = { file: path, directory: parseDirectory(JSON.parse(readFileSync(path, 'utf8')), path) };
  }
  return cached.directory;
}
