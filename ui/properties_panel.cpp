#include "ui/properties_panel.h"

#include "ui/node_selection.h"
#include "ui/plan_edit.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {
namespace {

QString row(const QString& key, const QString& value) {
    return QStringLiteral("<tr><td style='color:#666;padding-right:8px'>%1</td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), value);
}

QString attributeText(const model::AttrValue& value) {
    return std::visit(
        [](const auto& v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t>) {
                return QString::number(v);
            } else if constexpr (std::is_same_v<T, float>) {
                return QString::number(double(v));
            } else if constexpr (std::is_same_v<T, std::string>) {
                return toQString(v);
            } else if constexpr (std::is_same_v<T, std::vector<std::int64_t>>) {
                QStringList items;
                for (auto x : v) {
                    items.append(QString::number(x));
                }
                return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
            } else if constexpr (std::is_same_v<T, model::Tensor>) {
                return PropertiesPanel::tr("tensor");
            } else {
                return PropertiesPanel::tr("[%1 values]").arg(v.size());
            }
        },
        value);
}

} // namespace

PropertiesPanel::PropertiesPanel(ProjectModel* project, NodeSelection* selection, QWidget* parent)
    : QTextBrowser(parent)
    , m_project(project)
    , m_selection(selection) {
    setOpenLinks(false);
    connect(selection, &NodeSelection::changed, this, &PropertiesPanel::refresh);
    connect(project, &ProjectModel::projectReset, this, &PropertiesPanel::refresh);
    connect(project, &ProjectModel::planChanged, this, &PropertiesPanel::refresh);
    refresh();
}

void PropertiesPanel::showEvent(QShowEvent* event) {
    QTextBrowser::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void PropertiesPanel::display(const QString& html) {
    // most plan edits (a cut line dragged) leave the selected layer's text as it was
    if (html != m_html) {
        m_html = html;
        setHtml(html);
    }
}

void PropertiesPanel::refresh() {
    // laying out the rich text costs milliseconds per plan edit, for nothing when nobody sees it
    m_stale = !isVisible();
    if (m_stale) {
        return;
    }
    if (!m_project->hasProject() || m_selection->isEmpty()) {
        display(
            tr("<p style='color:#777'>Select a layer in the graph or the table to see its properties.</p>"));
        return;
    }
    const auto& graph = m_project->model().graph;
    const auto& layers = m_project->modelCost().layers;
    const auto& nodes = m_selection->nodes();
    QString html = QStringLiteral("<table>");
    if (nodes.size() > 1) {
        std::int64_t macs = 0, params = 0, weights = 0;
        for (auto n : nodes) {
            macs += layers[n].macs;
            params += layers[n].params;
            weights += layers[n].weightBytes;
        }
        html += row(tr("Layers"), tr("%1 selected: %2 … %3")
                                      .arg(nodes.size())
                                      .arg(toQString(graph.nodes[nodes.front()].name).toHtmlEscaped(),
                                           toQString(graph.nodes[nodes.back()].name).toHtmlEscaped()));
        html += row(tr("MACs"), countText(macs));
        html += row(tr("Params"), countText(params));
        html += row(tr("Weights"), bytesText(weights));
        display(html + QStringLiteral("</table>"));
        return;
    }
    const auto index = nodes.front();
    const auto& node = graph.nodes[index];
    const auto& cost = layers[index];
    auto valueText = [&](const std::string& name) {
        const auto* info = graph.value(name);
        QString text = toQString(name).toHtmlEscaped();
        if (info) {
            text += QStringLiteral(" <span style='color:#666'>%1[%2]</span>")
                        .arg(toQString(model::toString(info->dtype)), shapeText(info->shape));
        }
        return text;
    };
    html += row(tr("Op"), QStringLiteral("<b>%1</b>").arg(toQString(node.opType).toHtmlEscaped()));
    html += row(tr("Name"), toQString(node.name).toHtmlEscaped());
    html += row(tr("Index"), QString::number(index));
    for (const auto& in : node.inputs) {
        if (!in.empty()) {
            html += row(graph.isInitializer(in) ? tr("Weight") : tr("Input"), valueText(in));
        }
    }
    for (const auto& out : node.outputs) {
        html += row(tr("Output"), valueText(out));
    }
    for (const auto& [key, value] : node.attributes) {
        html += row(toQString(key), attributeText(value).toHtmlEscaped());
    }
    html += row(tr("MACs"), countText(cost.macs));
    html += row(tr("Params"), countText(cost.params));
    html += row(tr("Weights"), bytesText(cost.weightBytes));
    html += row(tr("Activations"), bytesText(cost.outputBytes));
    const int stage = m_project->plan().stageOf(index);
    if (stage >= 0) {
        const auto& s = m_project->plan().stages[std::size_t(stage)];
        QStringList devices;
        for (int d : devicesOfNode(m_project->plan(), index)) {
            devices.append(toQString(m_project->cluster().devices[std::size_t(d)].name));
        }
        html += row(tr("Stage"), tr("%1 (%2)").arg(stage).arg(toQString(partition::toString(s.kind))));
        html += row(tr("Devices"), devices.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    display(html + QStringLiteral("</table>"));
}

} // namespace tessera::ui
