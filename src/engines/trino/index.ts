export { TrinoEngine, type TrinoEngineConfig } from './engine.js';
