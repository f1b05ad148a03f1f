#pragma once
// PdfPages: lays a document out top to bottom over the pages of a QPdfWriter in logical units (kWidth wide,
// the width of core/report's SVG charts), breaking pages before a block that does not fit and numbering every
// page in the footer. Headings, paragraphs, tables whose rows break across pages (the header repeated), SVG
// documents drawn as vector graphics, and a page picturing a QGraphicsScene. Used by report_pdf.

#include <QColor>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QGraphicsScene;
class QPainter;
class QPdfWriter;

namespace tessera::ui {

struct PdfColumn {
    QString title;
    double width; // logical units
    bool right = false;
};

class PdfPages {
public:
    static constexpr double kWidth = 760; // logical page width
    static constexpr double kLine = 15;

    // Scales `painter` (begun on `writer`) to logical units; `footer` is printed on every page.
    PdfPages(QPdfWriter* writer, QPainter* painter, QString footer);

    double remaining() const { return m_height - m_y; }
    // Starts a new page unless `height` fits on this one (or the page is empty).
    void need(double height);
    void newPage();
    // Draws the last page's footer; call once at the end.
    void finish();

    void title(const QString& text, const QString& subtitle);
    void heading(const QString& text);
    void paragraph(const QString& text, const QColor& colour = Qt::black);
    // Cells that do not fit are elided; `highlighted` rows get a red background.
    void table(const std::vector<PdfColumn>& columns, const std::vector<QStringList>& rows,
               const std::vector<bool>& highlighted = {});
    // An SVG document drawn at its own size.
    void svg(const std::string& document);
    // A page of its own for a picture of `scene` under `title`. A graph laid out top to bottom is tall and
    // narrow: it is cut into horizontal bands set side by side as columns, as many as make it largest.
    void scenePage(const QString& title, QGraphicsScene* scene);

private:
    void setFont(int pixels, bool bold = false);
    double paragraphAt(const QString& text, double y);
    static double totalWidth(const std::vector<PdfColumn>& columns);
    void header(const std::vector<PdfColumn>& columns, double rowHeight);
    void drawRow(const std::vector<PdfColumn>& columns, const QStringList& cells, double rowHeight);
    void drawFooter();

    QPdfWriter* m_writer;
    QPainter* m_painter;
    QString m_footer;
    double m_scale = 1, m_height = 0, m_y = 0;
    int m_page = 0;
};

} // namespace tessera::ui
