// ONNX Runtime as an independent oracle (test use only).
// usage: node ort_outputs.js MODEL.onnx [INPUT_NAME=D1,D2,...]... [--input INPUT_NAME=FILE.npy]...
//                                       [--save-dir DIR]
// Runs the model once and prints JSON: {"outputs": {name: {"dims": [...], "sum": s, "first": [...]}}}.
// Inputs read from --input files (float32 or float64 .npy, C order) take the file's shape; the others get a
// deterministic pattern of the given shape (every such input needs its NAME=D1,D2,... argument).
// --save-dir writes each output as DIR/<name>.npy (float32; characters other than letters, digits, '_',
// '-' and '.' in the name replaced by '_').
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

function fill(n) {
    const data = new Float32Array(n);
    for (let i = 0; i < n; ++i) data[i] = Math.sin(i * 0.01) * 0.5;
    return data;
}

function readNpy(file) {
    const bytes = fs.readFileSync(file);
    if (bytes.length < 10 || bytes.toString('latin1', 0, 6) !== '\x93NUMPY') throw new Error(`${file}: not an .npy file`);
    const major = bytes[6];
    const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
    const start = (major === 1 ? 10 : 12) + headerLength;
    const header = bytes.toString('latin1', major === 1 ? 10 : 12, start);
    const descr = /'descr':\s*'([^']*)'/.exec(header);
    const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
    if (!descr || !shape || /'fortran_order':\s*True/.test(header)) throw new Error(`${file}: unsupported .npy header ${header}`);
    const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s.length).map(Number);
    const count = dims.reduce((a, b) => a * b, 1);
    const body = bytes.subarray(start);
    const data = new Float32Array(count);
    if (descr[1] === '<f4' && body.length === count * 4) {
        for (let i = 0; i < count; ++i) data[i] = body.readFloatLE(i * 4);
    } else if (descr[1] === '<f8' && body.length === count * 8) {
        for (let i = 0; i < count; ++i) data[i] = body.readDoubleLE(i * 8);
    } else {
        throw new Error(`${file}: expected ${count} values of '<f4' or '<f8', got dtype '${descr[1]}' and ${body.length} bytes`);
    }
    return { dims, data };
}

function writeNpy(file, dims, values) {
    const shape = dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
    let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
    while ((10 + header.length + 1) % 64 !== 0) header += ' ';
    header += '\n';
    const prefix = Buffer.alloc(10);
    prefix.write('\x93NUMPY', 0, 'latin1');
    prefix[6] = 1;
    prefix[7] = 0;
    prefix.writeUInt16LE(header.length, 8);
    const data = Float32Array.from(values, Number);
    fs.writeFileSync(file, Buffer.concat([prefix, Buffer.from(header, 'latin1'),
        Buffer.from(data.buffer, data.byteOffset, data.byteLength)]));
}

function sanitise(name) {
    return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

async function main() {
    const args = process.argv.slice(2);
    const given = {};
    const files = {};
    let modelPath;
    let saveDir;
    for (let i = 0; i < args.length; ++i) {
        const arg = args[i];
        if (arg === '--input' || arg === '--save-dir') {
            if (i + 1 >= args.length) throw new Error(`${arg} needs a value`);
            const value = args[++i];
            if (arg === '--save-dir') {
                saveDir = value;
            } else {
                const eq = value.indexOf('=');
                if (eq < 0) throw new Error(`--input takes NAME=FILE.npy, got '${value}'`);
                files[value.slice(0, eq)] = value.slice(eq + 1);
            }
        } else if (modelPath === undefined) {
            modelPath = arg;
        } else {
            const [name, dims] = arg.split('=');
            given[name] = dims.split(',').map(Number);
        }
    }
    if (!modelPath) throw new Error('usage: node ort_outputs.js MODEL.onnx [NAME=D1,D2,...] [--input NAME=FILE.npy] [--save-dir DIR]');
    const session = await ort.InferenceSession.create(modelPath, { graphOptimizationLevel: 'disabled' });
    const feeds = {};
    for (const name of session.inputNames) {
        if (files[name]) {
            const { dims, data } = readNpy(files[name]);
            feeds[name] = new ort.Tensor('float32', data, dims);
            continue;
        }
        const dims = given[name];
        if (!dims) throw new Error(`no shape given for input '${name}'`);
        feeds[name] = new ort.Tensor('float32', fill(dims.reduce((a, b) => a * b, 1)), dims);
    }
    for (const name of Object.keys(files)) {
        if (!session.inputNames.includes(name)) throw new Error(`the model has no input named '${name}'`);
    }
    const results = await session.run(feeds);
    const outputs = {};
    if (saveDir) fs.mkdirSync(saveDir, { recursive: true });
    for (const name of session.outputNames) {
        const t = results[name];
        let sum = 0;
        for (const v of t.data) sum += Number(v);
        outputs[name] = { dims: t.dims, sum, first: Array.from(t.data.slice(0, 4)) };
        if (saveDir) writeNpy(path.join(saveDir, sanitise(name) + '.npy'), t.dims, t.data);
    }
    process.stdout.write(JSON.stringify({ outputs }) + '\n');
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
