#pragma once
// What the tile editor's drags carry: a tile of a tile block (dragged onto a device) and a device (dragged
// onto a tile). Both are plain text so that a malformed payload is simply refused by the decoders.

#include <QMimeData>
#include <QString>

#include <cstddef>
#include <optional>

namespace tessera::ui {

inline constexpr const char* kTileMimeType = "application/x-tessera-tile";
inline constexpr const char* kDeviceMimeType = "application/x-tessera-device";

struct TileRef {
    std::size_t node = 0; // a node of the tile block (its first)
    int tile = 0;         // row-major index in the block's grid
};

inline QMimeData* tileMimeData(const TileRef& ref) {
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kTileMimeType),
                  QByteArray::number(qulonglong(ref.node)) + ' ' + QByteArray::number(ref.tile));
    return mime;
}

inline std::optional<TileRef> tileFromMime(const QMimeData* mime) {
    const auto parts = mime->data(QString::fromLatin1(kTileMimeType)).split(' ');
    bool nodeOk = false, tileOk = false;
    if (parts.size() != 2) {
        return std::nullopt;
    }
    const TileRef ref{std::size_t(parts[0].toULongLong(&nodeOk)), parts[1].toInt(&tileOk)};
    return nodeOk && tileOk && ref.tile >= 0 ? std::optional<TileRef>(ref) : std::nullopt;
}

inline QMimeData* deviceMimeData(int device) {
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kDeviceMimeType), QByteArray::number(device));
    return mime;
}

// The device index, or -1.
inline int deviceFromMime(const QMimeData* mime) {
    bool ok = false;
    const int device = mime->data(QString::fromLatin1(kDeviceMimeType)).toInt(&ok);
    return ok && device >= 0 ? device : -1;
}

} // namespace tessera::ui
