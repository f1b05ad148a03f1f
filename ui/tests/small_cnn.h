#pragma once
// The Run tests' model: two conv + pool pairs and a 1x1 conv on a 64x64 input, with fixed-seed weights,
// written as ONNX; small enough to run many frames on a shared machine.

#include <QFile>
#include <QString>

#include "core/base/error.h"
#include "core/model/model.h"
#include "core/model/zoo.h"

namespace tessera::ui::test {

inline constexpr const char* kSmallCnnCfg = R"([net]
width=64
height=64
channels=3

[convolutional]
batch_normalize=1
filters=8
size=3
stride=1
pad=1
activation=leaky

[maxpool]
size=2
stride=2

[convolutional]
batch_normalize=1
filters=16
size=3
stride=1
pad=1
activation=leaky

[maxpool]
size=2
stride=2

[convolutional]
filters=10
size=1
stride=1
pad=1
activation=linear
)";

// Writes <dir>/small.onnx (from <dir>/small.cfg) and returns its path; an error message in `error`.
inline QString writeSmallCnn(const QString& dir, QString* error) {
    QFile cfg(dir + QStringLiteral("/small.cfg"));
    if (!cfg.open(QIODevice::WriteOnly) || cfg.write(kSmallCnnCfg) < 0) {
        *error = QStringLiteral("cannot write ") + cfg.fileName();
        return {};
    }
    cfg.close();
    auto m = model::loadModel(cfg.fileName().toStdString());
    if (!m) {
        *error = QString::fromStdString(m.error().message);
        return {};
    }
    model::fillDeterministicWeights(m->graph, 7);
    const QString onnx = dir + QStringLiteral("/small.onnx");
    if (auto s = model::saveOnnx(m->graph, m->opset, onnx.toStdString()); !s) {
        *error = QString::fromStdString(s.error().message);
        return {};
    }
    return onnx;
}

// The index of the last MaxPool node (0 when there is none).
inline std::size_t lastPool(const model::Graph& graph) {
    std::size_t last = 0;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        if (graph.nodes[i].opType == "MaxPool") {
            last = i;
        }
    }
    return last;
}

} // namespace tessera::ui::test
