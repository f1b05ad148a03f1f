// ONNX Runtime as an independent oracle (test use only).
// usage: node ort_outputs.js MODEL.onnx [INPUT_NAME=D1,D2,...]...
// Runs the model once on a deterministic input and prints JSON: {"outputs": {name: {"dims": [...],
// "sum": s, "first": [...]}}}. Inputs without a given shape must have static dims.
'use strict';
const ort = require('onnxruntime-node');

function fill(n) {
    const data = new Float32Array(n);
    for (let i = 0; i < n; ++i) data[i] = Math.sin(i * 0.01) * 0.5;
    return data;
}

async function main() {
    const [modelPath, ...shapeArgs] = process.argv.slice(2);
    if (!modelPath) throw new Error('usage: node ort_outputs.js MODEL.onnx [NAME=D1,D2,...]');
    const given = {};
    for (const arg of shapeArgs) {
        const [name, dims] = arg.split('=');
        given[name] = dims.split(',').map(Number);
    }
    const session = await ort.InferenceSession.create(modelPath, { graphOptimizationLevel: 'disabled' });
    const feeds = {};
    for (const name of session.inputNames) {
        const dims = given[name];
        if (!dims) throw new Error(`no shape given for input '${name}'`);
        feeds[name] = new ort.Tensor('float32', fill(dims.reduce((a, b) => a * b, 1)), dims);
    }
    const results = await session.run(feeds);
    const outputs = {};
    for (const name of session.outputNames) {
        const t = results[name];
        let sum = 0;
        for (const v of t.data) sum += v;
        outputs[name] = { dims: t.dims, sum, first: Array.from(t.data.slice(0, 4)) };
    }
    process.stdout.write(JSON.stringify({ outputs }) + '\n');
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
