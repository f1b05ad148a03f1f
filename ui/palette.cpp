#include "ui/palette.h"

#include <QSet>

#include <algorithm>

#include "core/report/device_colors.h"

namespace tessera::ui {

OpCategory opCategory(const QString& opType) {
    static const QSet<QString> kLayer = {QStringLiteral("Conv"), QStringLiteral("ConvTranspose"),
                                         QStringLiteral("Gemm"), QStringLiteral("MatMul")};
    static const QSet<QString> kActivation = {
        QStringLiteral("Relu"),        QStringLiteral("LeakyRelu"), QStringLiteral("Sigmoid"),
        QStringLiteral("Tanh"),        QStringLiteral("Clip"),      QStringLiteral("PRelu"),
        QStringLiteral("HardSigmoid"), QStringLiteral("HardSwish"), QStringLiteral("Softmax")};
    static const QSet<QString> kPool = {QStringLiteral("MaxPool"), QStringLiteral("AveragePool"),
                                        QStringLiteral("GlobalAveragePool")};
    static const QSet<QString> kNorm = {QStringLiteral("BatchNormalization"), QStringLiteral("LRN")};
    static const QSet<QString> kTensor = {
        QStringLiteral("Reshape"),      QStringLiteral("Flatten"),   QStringLiteral("Transpose"),
        QStringLiteral("Concat"),       QStringLiteral("Split"),     QStringLiteral("Slice"),
        QStringLiteral("Squeeze"),      QStringLiteral("Unsqueeze"), QStringLiteral("SpaceToDepth"),
        QStringLiteral("DepthToSpace"), QStringLiteral("Pad"),       QStringLiteral("Resize"),
        QStringLiteral("Upsample")};
    if (kLayer.contains(opType)) {
        return OpCategory::Layer;
    }
    if (kActivation.contains(opType)) {
        return OpCategory::Activation;
    }
    if (kPool.contains(opType)) {
        return OpCategory::Pool;
    }
    if (kNorm.contains(opType)) {
        return OpCategory::Normalization;
    }
    if (kTensor.contains(opType)) {
        return OpCategory::Tensor;
    }
    return OpCategory::Other;
}

QColor categoryColor(OpCategory category) {
    switch (category) {
    case OpCategory::Layer:
        return QColor(0x33, 0x5c, 0x99);
    case OpCategory::Activation:
        return QColor(0x9e, 0x3a, 0x2f);
    case OpCategory::Pool:
        return QColor(0x3b, 0x7a, 0x45);
    case OpCategory::Normalization:
        return QColor(0x5a, 0x4b, 0x86);
    case OpCategory::Tensor:
        return QColor(0x7a, 0x5c, 0x33);
    case OpCategory::Other:
        break;
    }
    return QColor(0x5f, 0x63, 0x68);
}

QColor deviceColor(int device) {
    return QColor(QRgb(report::deviceRgb(device)));
}

QColor heatColor(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromHsvF(float(0.15 * (1.0 - t)), float(0.15 + 0.85 * t), float(1.0 - 0.3 * t));
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor canvasColor(const QPalette& palette) {
    return isDarkPalette(palette) ? palette.color(QPalette::Base) : QColor(0xf7, 0xf7, 0xf5);
}

} // namespace tessera::ui
