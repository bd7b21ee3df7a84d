#!/usr/bin/env node
// The compiled entry point; `npm ci` builds it through the root `prepare` script.
import '../dist/src/main.js';
