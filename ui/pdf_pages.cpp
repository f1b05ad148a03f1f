#include "ui/pdf_pages.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>

#include <algorithm>

namespace tessera::ui {

PdfPages::PdfPages(QPdfWriter* writer, QPainter* painter, QString footer)
    : m_writer(writer)
    , m_painter(painter)
    , m_footer(std::move(footer)) {
    const QRect page = writer->pageLayout().paintRectPixels(writer->resolution());
    m_scale = page.width() / kWidth;
    m_height = page.height() / m_scale - 2 * kLine; // room for the footer
    painter->scale(m_scale, m_scale);
    setFont(10);
}

void PdfPages::need(double height) {
    if (height > remaining() && m_y > 0) {
        newPage();
    }
}

void PdfPages::newPage() {
    drawFooter();
    m_writer->newPage();
    m_y = 0;
}

void PdfPages::title(const QString& text, const QString& subtitle) {
    setFont(20, true);
    m_painter->drawText(QPointF(0, m_y + 20), text);
    m_y += 30;
    setFont(10);
    m_painter->setPen(QColor(0x66, 0x66, 0x66));
    m_y = paragraphAt(subtitle, m_y);
    m_painter->setPen(Qt::black);
}

void PdfPages::heading(const QString& text) {
    need(kLine * 6);
    m_y += 10;
    setFont(14, true);
    m_painter->drawText(QPointF(0, m_y + 14), text);
    m_painter->setPen(QPen(QColor(0x33, 0x5c, 0x99), 1.5));
    m_painter->drawLine(QPointF(0, m_y + 19), QPointF(kWidth, m_y + 19));
    m_painter->setPen(Qt::black);
    m_y += 26;
    setFont(10);
}

void PdfPages::paragraph(const QString& text, const QColor& colour) {
    const QRectF box = m_painter->boundingRect(QRectF(0, 0, kWidth, 1e6), Qt::TextWordWrap, text);
    need(box.height() + 4);
    m_painter->setPen(colour);
    m_y = paragraphAt(text, m_y);
    m_painter->setPen(Qt::black);
}

void PdfPages::table(const std::vector<PdfColumn>& columns, const std::vector<QStringList>& rows,
                     const std::vector<bool>& highlighted) {
    const double rowHeight = kLine + 2;
    need(rowHeight * std::min<std::size_t>(rows.size() + 1, 4));
    header(columns, rowHeight);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (remaining() < rowHeight) {
            newPage();
            header(columns, rowHeight);
        }
        if (r < highlighted.size() && highlighted[r]) {
            m_painter->fillRect(QRectF(0, m_y, totalWidth(columns), rowHeight), QColor(0xfd, 0xe8, 0xe8));
        }
        drawRow(columns, rows[r], rowHeight);
    }
    m_y += 6;
}

void PdfPages::svg(const std::string& document) {
    QSvgRenderer renderer(QByteArray::fromStdString(document));
    const QSizeF size = renderer.defaultSize();
    need(size.height() + 4);
    renderer.render(m_painter, QRectF(0, m_y, size.width(), size.height()));
    m_y += size.height() + 6;
}

void PdfPages::scenePage(const QString& title, QGraphicsScene* scene) {
    newPage();
    heading(title);
    const QRectF source = scene->itemsBoundingRect();
    const double height = remaining(), gap = 12;
    double bestScale = 0;
    int columns = 1;
    for (int k = 1; k <= 8; ++k) {
        const double scale =
            std::min((kWidth - gap * (k - 1)) / k / source.width(), height / (source.height() / k));
        if (scale > bestScale) {
            bestScale = scale;
            columns = k;
        }
    }
    const double band = source.height() / columns;
    const double columnWidth = (kWidth - gap * (columns - 1)) / columns;
    for (int k = 0; k < columns; ++k) {
        const QRectF part(source.x(), source.y() + k * band, source.width(), band);
        const QRectF target(k * (columnWidth + gap) + (columnWidth - source.width() * bestScale) / 2, m_y,
                            source.width() * bestScale, band * bestScale);
        scene->render(m_painter, target, part, Qt::KeepAspectRatio);
        if (k > 0) {
            m_painter->setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0.5, Qt::DashLine));
            m_painter->drawLine(QPointF(k * (columnWidth + gap) - gap / 2, m_y),
                                QPointF(k * (columnWidth + gap) - gap / 2, m_y + height));
            m_painter->setPen(Qt::black);
        }
    }
    m_y += height;
}

void PdfPages::setFont(int pixels, bool bold) {
    // Pixel sizes are in the painter's logical units, which the page transform scales.
    QFont font(QStringLiteral("sans-serif"));
    font.setPixelSize(pixels);
    font.setBold(bold);
    m_painter->setFont(font);
}

double PdfPages::paragraphAt(const QString& text, double y) {
    const QRectF box(0, y, kWidth, 1e6);
    const QRectF used = m_painter->boundingRect(box, Qt::TextWordWrap, text);
    m_painter->drawText(box, Qt::TextWordWrap, text);
    return y + used.height() + 4;
}

double PdfPages::totalWidth(const std::vector<PdfColumn>& columns) {
    double w = 0;
    for (const auto& c : columns) {
        w += c.width;
    }
    return std::min(w, kWidth);
}

void PdfPages::header(const std::vector<PdfColumn>& columns, double rowHeight) {
    m_painter->fillRect(QRectF(0, m_y, totalWidth(columns), rowHeight), QColor(0xee, 0xf2, 0xf8));
    setFont(10, true);
    QStringList titles;
    for (const auto& c : columns) {
        titles << c.title;
    }
    drawRow(columns, titles, rowHeight);
    setFont(10);
}

void PdfPages::drawRow(const std::vector<PdfColumn>& columns, const QStringList& cells, double rowHeight) {
    const QFontMetricsF metrics(m_painter->font(), m_painter->device());
    double x = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const QRectF cell(x + 3, m_y, columns[c].width - 6, rowHeight);
        const QString text = metrics.elidedText(cells.value(int(c)), Qt::ElideRight, cell.width());
        m_painter->drawText(cell, Qt::AlignVCenter | (columns[c].right ? Qt::AlignRight : Qt::AlignLeft),
                            text);
        x += columns[c].width;
    }
    m_painter->setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0.5));
    m_painter->drawLine(QPointF(0, m_y + rowHeight), QPointF(totalWidth(columns), m_y + rowHeight));
    m_painter->setPen(Qt::black);
    m_y += rowHeight;
}

void PdfPages::drawFooter() {
    ++m_page;
    setFont(8);
    m_painter->setPen(QColor(0x66, 0x66, 0x66));
    m_painter->drawText(QRectF(0, m_height + kLine, kWidth, kLine), Qt::AlignLeft, m_footer);
    m_painter->drawText(QRectF(0, m_height + kLine, kWidth, kLine), Qt::AlignRight,
                        QCoreApplication::translate("PdfPages", "page %1").arg(m_page));
    m_painter->setPen(Qt::black);
    setFont(10);
}

void PdfPages::finish() {
    drawFooter();
}

} // namespace tessera::ui
