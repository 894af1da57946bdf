// React's development build is several times slower than production; livesim's CLI runs the
// production build, so the benchmark does too (the environment must be set before React loads).
process.env.NODE_ENV ??= 'production';
await import('./benchmarks.js');
export {};
