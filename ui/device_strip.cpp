#include "ui/device_strip.h"

#include <QApplication>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>

#include "ui/palette.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/tile_mime.h"

namespace tessera::ui {
namespace {
constexpr int kSpacing = 4;
constexpr int kSwatch = 12;
constexpr int kPadding = 6;
} // namespace

DeviceStrip::DeviceStrip(ProjectModel* project, PartitionEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_editor(editor) {
    setAcceptDrops(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto relayout = [this] {
        updateGeometry();
        update();
    };
    connect(project, &ProjectModel::clusterChanged, this, relayout);
    connect(project, &ProjectModel::projectReset, this, relayout);
}

void DeviceStrip::setTileCounts(std::vector<int> counts) {
    if (counts != m_counts) {
        m_counts = std::move(counts);
        updateGeometry();
        update();
    }
}

QString DeviceStrip::chipText(int device) const {
    const QString name = toQString(m_project->cluster().devices[std::size_t(device)].name);
    const int tiles = std::size_t(device) < m_counts.size() ? m_counts[std::size_t(device)] : 0;
    return tr("%1 · %n tile(s)", nullptr, tiles).arg(name);
}

std::vector<QRect> DeviceStrip::layoutChips(int width) const {
    std::vector<QRect> chips;
    if (!m_project->hasProject()) {
        return chips;
    }
    QFont bold = font();
    bold.setBold(true); // the gateway's name
    const QFontMetrics metrics(font()), boldMetrics(bold);
    const int height = metrics.height() + 2 * kPadding - 2;
    int x = 0, y = 0;
    for (int d = 0; d < int(m_project->cluster().devices.size()); ++d) {
        const int text =
            (d == m_project->cluster().gateway ? boldMetrics : metrics).horizontalAdvance(chipText(d));
        const int chipWidth = kPadding + kSwatch + kPadding + text + kPadding;
        if (x > 0 && x + chipWidth > width) {
            x = 0;
            y += height + kSpacing;
        }
        chips.emplace_back(x, y, chipWidth, height);
        x += chipWidth + kSpacing;
    }
    return chips;
}

int DeviceStrip::heightForWidth(int width) const {
    const auto chips = layoutChips(width);
    return chips.empty() ? 0 : chips.back().bottom() + 1;
}

QSize DeviceStrip::sizeHint() const {
    return {400, heightForWidth(400)};
}

QSize DeviceStrip::minimumSizeHint() const {
    return {120, heightForWidth(width() > 0 ? width() : 400)};
}

QRect DeviceStrip::chipRect(int device) const {
    const auto chips = layoutChips(width());
    return device >= 0 && std::size_t(device) < chips.size() ? chips[std::size_t(device)] : QRect();
}

int DeviceStrip::deviceAt(const QPoint& pos) const {
    const auto chips = layoutChips(width());
    for (std::size_t d = 0; d < chips.size(); ++d) {
        if (chips[d].contains(pos)) {
            return int(d);
        }
    }
    return -1;
}

void DeviceStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto chips = layoutChips(width());
    const int gateway = m_project->hasProject() ? m_project->cluster().gateway : -1;
    for (std::size_t d = 0; d < chips.size(); ++d) {
        const QRectF chip = QRectF(chips[d]).adjusted(0.5, 0.5, -0.5, -0.5);
        const bool target = int(d) == m_dropDevice;
        painter.setPen(QPen(target ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
                            target ? 2 : 1));
        painter.setBrush(target ? palette().color(QPalette::Highlight).lighter(170)
                                : palette().color(QPalette::Button));
        painter.drawRoundedRect(chip, 4, 4);
        const QRectF swatch(chip.left() + kPadding, chip.center().y() - kSwatch / 2.0, kSwatch, kSwatch);
        painter.setPen(Qt::NoPen);
        painter.setBrush(deviceColor(int(d)));
        painter.drawRoundedRect(swatch, 2, 2);
        QFont chipFont = font();
        chipFont.setBold(int(d) == gateway);
        painter.setFont(chipFont);
        painter.setPen(palette().color(QPalette::ButtonText));
        painter.drawText(chip.adjusted(2 * kPadding + kSwatch, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         chipText(int(d)));
    }
}

void DeviceStrip::mousePressEvent(QMouseEvent* event) {
    m_pressDevice = event->button() == Qt::LeftButton ? deviceAt(event->position().toPoint()) : -1;
    m_pressPos = event->position().toPoint();
}

void DeviceStrip::mouseMoveEvent(QMouseEvent* event) {
    if (m_pressDevice < 0 ||
        (event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        setCursor(deviceAt(event->position().toPoint()) >= 0 ? Qt::OpenHandCursor : Qt::ArrowCursor);
        return;
    }
    const int device = m_pressDevice;
    m_pressDevice = -1;
    auto* drag = new QDrag(this);
    drag->setMimeData(deviceMimeData(device));
    QPixmap swatch(kSwatch * 2, kSwatch * 2);
    swatch.fill(deviceColor(device));
    drag->setPixmap(swatch);
    drag->exec(Qt::CopyAction);
}

void DeviceStrip::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kTileMimeType))) {
        event->acceptProposedAction();
    }
}

void DeviceStrip::dragMoveEvent(QDragMoveEvent* event) {
    const int device = deviceAt(event->position().toPoint());
    if (device != m_dropDevice) {
        m_dropDevice = device;
        update();
    }
    if (device >= 0) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void DeviceStrip::dragLeaveEvent(QDragLeaveEvent*) {
    m_dropDevice = -1;
    update();
}

void DeviceStrip::dropEvent(QDropEvent* event) {
    m_dropDevice = -1;
    update();
    const int device = deviceAt(event->position().toPoint());
    const auto tile = tileFromMime(event->mimeData());
    if (device < 0 || !tile) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_editor->assignTile(tile->node, tile->tile, device);
}

} // namespace tessera::ui
