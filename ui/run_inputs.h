#pragma once
// What the studio's Run feeds the cluster, frame by frame: generated input (a fixed-seed pattern per frame),
// the images of a folder in name order, or the frames of a video file (core/media), both cycled and converted
// as core/exec/image_tensor.h says. Safe to use off the GUI thread (QImage, not QPixmap).

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/model/tensor.h"

namespace tessera::ui {

enum class RunInput { Generated, ImageFolder, VideoFile };

struct VideoSource;

class FrameInputs {
    // its messages' translation context (not a QObject)
    Q_DECLARE_TR_FUNCTIONS(tessera::ui::FrameInputs)

public:
    // `source`: the image folder or the video file. `inputs`: the graph's inputs by name and shape. Errors
    // (for the user; tr()'d, except core/media's about a video file, which name the file): an image folder
    // with no readable image, a file that is not a video, or one of several inputs that an image cannot feed.
    static Expected<FrameInputs> create(RunInput kind, const QString& source,
                                        const std::vector<std::pair<std::string, model::Shape>>& inputs);

    // Every graph input of frame `frame`; an image or video frame that does not decode is an error naming the
    // file. A video is decoded forward, so frames are best asked for in order.
    Expected<std::map<std::string, std::vector<float>>> frame(std::uint64_t frame) const;

    // The generated input of `frame`: values in [0, 1) from a generator seeded with the frame number, so a
    // frame's input can be made again to check its result.
    static std::vector<float> generated(const model::Shape& shape, std::uint64_t frame);

    // The image files of `folder` Qt can read, by name.
    static QStringList imageFiles(const QString& folder);

private:
    RunInput m_kind = RunInput::Generated;
    QString m_source;
    std::vector<std::pair<std::string, model::Shape>> m_inputs;
    QStringList m_images;
    std::shared_ptr<VideoSource> m_video;
};

} // namespace tessera::ui
