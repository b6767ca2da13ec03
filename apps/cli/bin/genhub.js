#!/usr/bin/env node
// The command line runs from its TypeScript source, as every workspace package does.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
