import type { Command } from 'commander';
import { z } from 'zod';
import { configDirOf } from './config';
import type { CliEnv } from './env';
import { createOutput, type Output } from './output';

/** Where text goes: a terminal says so with `isTTY` and tells its width. */
export type TextStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The process's streams and environment, passed in so nothing else reaches for globals. */
export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  stdin: NodeJS.ReadStream;
  env: CliEnv;
}

/** What every command runs with, from the options given before or after its name. */
export interface Session {
  io: CliIo;
  out: Output;
  configDir: string;
}

const globalFlags = z.object({
  configDir: z.string().min(1).optional(),
  json: z.boolean().default(false),
  color: z.boolean().default(true),
});

export function sessionOf(io: CliIo, command: Command): Session {
  const flags = globalFlags.parse(command.optsWithGlobals());
  return {
    io,
    out: createOutput(io.stdout, { json: flags.json, color: flags.color && !io.env.NO_COLOR }),
    configDir: configDirOf(io.env, flags.configDir),
  };
}
