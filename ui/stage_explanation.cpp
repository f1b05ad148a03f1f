#include "ui/stage_explanation.h"

#include <QEvent>

#include "ui/node_selection.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

StageExplanation::StageExplanation(ProjectModel* project, NodeSelection* selection, Texts texts,
                                   StageLabel label, QWidget* parent)
    : QLabel(parent)
    , m_project(project)
    , m_selection(selection)
    , m_texts(std::move(texts))
    , m_label(std::move(label)) {
    setWordWrap(true);
    setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setMargin(8);
    setTextFormat(Qt::RichText);
    connect(this, &QLabel::linkActivated, this, [this](const QString& link) {
        bool ok = false;
        const auto node = link.section(QLatin1Char(':'), 1).toULongLong(&ok);
        if (ok && m_project->hasProject() && node < m_project->model().graph.nodes.size()) {
            m_selection->setNodes({std::size_t(node)});
        }
    });
}

void StageExplanation::refresh() {
    QString why;
    if (!m_project->hasProject()) {
        why = tr("No project open.");
    } else if (m_selection->isEmpty()) {
        why = m_texts.noSelection;
    } else {
        why = m_texts.notInStage.arg(
            toQString(m_project->model().graph.nodes[m_selection->nodes().front()].name));
    }
    QString html = QStringLiteral("<p>%1</p>").arg(why.toHtmlEscaped());
    QStringList links;
    if (m_project->hasProject()) {
        for (const auto& stage : m_project->plan().stages) {
            if (const QString name = m_label(stage); !name.isEmpty()) {
                links.append(
                    QStringLiteral("<a href=\"node:%1\">%2</a>").arg(stage.first).arg(name.toHtmlEscaped()));
            }
        }
    }
    if (!links.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(m_texts.stages.arg(links.join(QStringLiteral(", "))));
    }
    html += QStringLiteral("<p>%1</p>").arg(m_texts.howTo.toHtmlEscaped());
    setText(html);
}

void StageExplanation::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // links take their colour when the text is set, and setText() skips a text it already shows
        const QString html = text();
        clear();
        setText(html);
    }
}

QLabel* makeMessageLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b01c1c; }"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace tessera::ui
