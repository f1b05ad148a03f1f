#include "ui/run_inputs.h"

#include <QDir>
#include <QImage>
#include <QImageReader>

#include <mutex>
#include <random>

#include "core/exec/image_tensor.h"
#include "core/media/video_reader.h"

namespace tessera::ui {

// A video shared by the copies of a FrameInputs; frames are decoded one at a time.
struct VideoSource {
    explicit VideoSource(std::unique_ptr<media::VideoReader> reader)
        : video(std::move(reader)) {}
    std::mutex mutex;
    media::LoopedVideo video;
};

namespace {

Error userError(const QString& message) {
    return Error{ErrorCode::InvalidArgument, message.toStdString()};
}

// Transparency is composited onto white, as the CLI's PNG reader does.
exec::RgbImage toRgb(const QImage& image) {
    QImage flat(image.size(), QImage::Format_RGB888);
    flat.fill(Qt::white);
    if (image.hasAlphaChannel()) {
        const QImage premultiplied = image.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < image.height(); ++y) {
            const auto* in = reinterpret_cast<const QRgb*>(premultiplied.constScanLine(y));
            uchar* out = flat.scanLine(y);
            for (int x = 0; x < image.width(); ++x) {
                const int a = qAlpha(in[x]);
                out[3 * x] = uchar((qRed(in[x]) * a + 255 * (255 - a)) / 255);
                out[3 * x + 1] = uchar((qGreen(in[x]) * a + 255 * (255 - a)) / 255);
                out[3 * x + 2] = uchar((qBlue(in[x]) * a + 255 * (255 - a)) / 255);
            }
        }
    } else {
        flat = image.convertToFormat(QImage::Format_RGB888);
    }
    exec::RgbImage rgb;
    rgb.width = flat.width();
    rgb.height = flat.height();
    rgb.pixels.resize(std::size_t(rgb.width) * std::size_t(rgb.height) * 3);
    for (int y = 0; y < rgb.height; ++y) {
        const uchar* line = flat.constScanLine(y);
        for (int i = 0; i < rgb.width * 3; ++i) {
            rgb.pixels[std::size_t(y) * std::size_t(rgb.width) * 3 + std::size_t(i)] = float(line[i]) / 255.f;
        }
    }
    return rgb;
}

} // namespace

QStringList FrameInputs::imageFiles(const QString& folder) {
    QStringList patterns;
    for (const auto& format : QImageReader::supportedImageFormats()) {
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    }
    QStringList files;
    const QDir dir(folder);
    for (const auto& name : dir.entryList(patterns, QDir::Files | QDir::Readable, QDir::Name)) {
        files << dir.filePath(name);
    }
    return files;
}

Expected<FrameInputs> FrameInputs::create(RunInput kind, const QString& source,
                                          const std::vector<std::pair<std::string, model::Shape>>& inputs) {
    FrameInputs result;
    result.m_kind = kind;
    result.m_source = source;
    result.m_inputs = inputs;
    if (kind == RunInput::Generated) {
        return result;
    }
    if (inputs.size() != 1) {
        return userError(
            kind == RunInput::ImageFolder
                ? tr("The model has %1 inputs; an image folder can feed a model with one image "
                     "input. Use generated input.")
                      .arg(inputs.size())
                : tr("The model has %1 inputs; a video can feed a model with one image input. Use "
                     "generated input.")
                      .arg(inputs.size()));
    }
    const auto& shape = inputs[0].second;
    if (shape.size() != 4 || (shape[1] != 3 && shape[1] != 1)) {
        return userError(
            tr("The model's input '%1' has shape %2; images and video frames can feed Nx3xHxW or "
               "Nx1xHxW inputs. Use generated input.")
                .arg(QString::fromStdString(inputs[0].first),
                     QString::fromStdString(model::toString(shape))));
    }
    if (kind == RunInput::VideoFile) {
        auto reader = media::VideoReader::open(source.toStdString());
        if (!reader) {
            return reader.error();
        }
        result.m_video = std::make_shared<VideoSource>(std::move(*reader));
        // the first frame decodes, or the run would fail at its first frame
        if (auto first = result.m_video->video.frame(0); !first) {
            return first.error();
        }
        return result;
    }
    if (source.isEmpty() || !QDir(source).exists()) {
        return userError(tr("The image folder '%1' does not exist: choose a folder of images.").arg(source));
    }
    result.m_images = imageFiles(source);
    if (result.m_images.isEmpty()) {
        return userError(
            tr("The folder '%1' holds no image Qt can read (PNG, JPEG, BMP, ...): choose a folder of images.")
                .arg(source));
    }
    return result;
}

std::vector<float> FrameInputs::generated(const model::Shape& shape, std::uint64_t frame) {
    std::mt19937_64 random(0x7e55e7a0ULL + frame);
    std::uniform_real_distribution<float> unit(0.f, 1.f);
    std::vector<float> values(std::size_t(model::elementCount(shape)));
    for (auto& v : values) {
        v = unit(random);
    }
    return values;
}

Expected<std::map<std::string, std::vector<float>>> FrameInputs::frame(std::uint64_t frame) const {
    std::map<std::string, std::vector<float>> values;
    if (m_kind == RunInput::Generated) {
        for (const auto& [name, shape] : m_inputs) {
            values[name] = generated(shape, frame);
        }
        return values;
    }
    // one image input (create() checked it): a video frame, or an image file of the folder
    Expected<exec::RgbImage> image = exec::RgbImage{};
    QString file = m_source;
    if (m_video) {
        std::lock_guard lock(m_video->mutex);
        image = m_video->video.frame(frame);
    } else {
        file = m_images[qsizetype(frame % std::uint64_t(m_images.size()))];
        QImageReader reader(file);
        const QImage decoded = reader.read();
        if (decoded.isNull()) {
            return userError(tr("%1: cannot read the image (%2)").arg(file, reader.errorString()));
        }
        image = toRgb(decoded);
    }
    if (!image) {
        return image.error();
    }
    auto tensor = exec::imageToTensor(*image, m_inputs[0].second);
    if (!tensor) {
        return tensor.error().withContext(file.toStdString());
    }
    values[m_inputs[0].first] = std::move(*tensor);
    return values;
}

} // namespace tessera::ui
