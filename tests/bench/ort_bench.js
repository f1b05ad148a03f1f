// ONNX Runtime CPU latency of one model, for benchmarks that compare Tessera with it in the same run.
// usage: node ort_bench.js MODEL.onnx NAME=D1,D2,... [--threads N] [--warmup W] [--runs R]
// Prints JSON: {"min_ms": .., "median_ms": .., "max_ms": .., "threads": N, "runs": R}
'use strict';
const path = require('path');
const ort = require(path.join(__dirname, '..', 'oracle', 'node_modules', 'onnxruntime-node'));

async function main() {
    const args = process.argv.slice(2);
    const option = (name, fallback) => {
        const i = args.indexOf(name);
        return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
    };
    const threads = option('--threads', 1);
    const warmup = option('--warmup', 3);
    const runs = option('--runs', 10);
    const [modelPath, shapeArg] = args;
    const [inputName, dims] = shapeArg.split('=');
    const shape = dims.split(',').map(Number);
    const session = await ort.InferenceSession.create(modelPath, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
    });
    const n = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; ++i) data[i] = Math.sin(i * 0.01) * 0.5;
    const feeds = { [inputName]: new ort.Tensor('float32', data, shape) };
    for (let i = 0; i < warmup; ++i) await session.run(feeds);
    const times = [];
    for (let i = 0; i < runs; ++i) {
        const start = process.hrtime.bigint();
        await session.run(feeds);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
    process.stdout.write(JSON.stringify({ min_ms: times[0], median_ms: median, max_ms: times[times.length - 1], threads, runs }) + '\n');
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
