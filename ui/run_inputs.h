#pragma once
// What the studio's Run feeds the cluster, frame by frame: generated input (a fixed-seed pattern per frame),
// or the images of a folder in name order, cycled, converted as core/exec/image_tensor.h says. Safe to use
// off the GUI thread (QImage, not QPixmap).

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/model/tensor.h"

namespace tessera::ui {

enum class RunInput { Generated, ImageFolder };

class FrameInputs {
public:
    // `inputs`: the graph's inputs by name and shape. Errors (tr()'d, for the user): an image folder with
    // no readable image, or one of several inputs that an image cannot feed.
    static Expected<FrameInputs> create(RunInput kind, const QString& folder,
                                        const std::vector<std::pair<std::string, model::Shape>>& inputs);

    // Every graph input of frame `frame`; an image that does not decode is an error naming it.
    Expected<std::map<std::string, std::vector<float>>> frame(std::uint64_t frame) const;

    // The generated input of `frame`: values in [0, 1) from a generator seeded with the frame number, so a
    // frame's input can be made again to check its result.
    static std::vector<float> generated(const model::Shape& shape, std::uint64_t frame);

    // The image files of `folder` Qt can read, by name.
    static QStringList imageFiles(const QString& folder);

private:
    RunInput m_kind = RunInput::Generated;
    std::vector<std::pair<std::string, model::Shape>> m_inputs;
    QStringList m_images;
};

} // namespace tessera::ui
