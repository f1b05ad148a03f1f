#include "ui/graph_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <set>
#include <string>

namespace tessera::ui {
namespace {

// Graphviz 2.42 takes char* for names and values it does not modify.
char* cstr(const char* text) {
    return const_cast<char*>(text);
}

// dot works in points (1/72 inch) with y up; sizes of nodes are given in inches.
constexpr double kPointsPerInch = 72.0;

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> graphEdges(const model::Graph& graph) {
    std::map<std::string, std::size_t> producer;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        for (const auto& out : graph.nodes[i].outputs) {
            producer[out] = i;
        }
    }
    std::set<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        for (const auto& in : graph.nodes[i].inputs) {
            if (auto it = producer.find(in); it != producer.end()) {
                edges.insert({it->second, i});
            }
        }
    }
    return {edges.begin(), edges.end()};
}

GraphLayout layoutGraph(const model::Graph& graph, const std::vector<QSizeF>& nodeSizes) {
    GraphLayout layout;
    GVC_t* gvc = gvContext();
    Agraph_t* g = agopen(cstr("model"), Agdirected, nullptr);
    agattr(g, AGRAPH, cstr("rankdir"), cstr("TB"));
    agattr(g, AGRAPH, cstr("nodesep"), cstr("0.25"));
    agattr(g, AGRAPH, cstr("ranksep"), cstr("0.3"));
    agattr(g, AGNODE, cstr("shape"), cstr("box"));
    agattr(g, AGNODE, cstr("fixedsize"), cstr("true"));
    agattr(g, AGNODE, cstr("label"), cstr(""));
    Agsym_t* width = agattr(g, AGNODE, cstr("width"), cstr("1"));
    Agsym_t* height = agattr(g, AGNODE, cstr("height"), cstr("0.5"));

    std::vector<Agnode_t*> nodes(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const std::string name = "n" + std::to_string(i);
        nodes[i] = agnode(g, cstr(name.c_str()), 1);
        agxset(nodes[i], width, cstr(std::to_string(nodeSizes[i].width() / kPointsPerInch).c_str()));
        agxset(nodes[i], height, cstr(std::to_string(nodeSizes[i].height() / kPointsPerInch).c_str()));
    }
    const auto pairs = graphEdges(graph);
    std::vector<Agedge_t*> edges;
    edges.reserve(pairs.size());
    for (const auto& [from, to] : pairs) {
        edges.push_back(agedge(g, nodes[from], nodes[to], nullptr, 1));
    }
    gvLayout(gvc, g, "dot");

    const boxf bb = GD_bb(g);
    auto toScene = [&](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    layout.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    layout.nodes.resize(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const QPointF centre = toScene(ND_coord(nodes[i]));
        const double w = ND_width(nodes[i]) * kPointsPerInch, h = ND_height(nodes[i]) * kPointsPerInch;
        layout.nodes[i] = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h);
    }
    for (std::size_t e = 0; e < edges.size(); ++e) {
        EdgeGeometry geometry;
        geometry.from = pairs[e].first;
        geometry.to = pairs[e].second;
        const splines* spl = ED_spl(edges[e]);
        if (spl && spl->size > 0 && spl->list[0].size > 0) {
            const bezier& bz = spl->list[0];
            geometry.path.moveTo(toScene(bz.list[0]));
            for (int k = 1; k + 2 < bz.size; k += 3) {
                geometry.path.cubicTo(toScene(bz.list[k]), toScene(bz.list[k + 1]), toScene(bz.list[k + 2]));
            }
            const QPointF end = toScene(bz.list[bz.size - 1]);
            geometry.arrowBase = end;
            geometry.arrowTip = bz.eflag ? toScene(bz.ep) : end;
            if (bz.eflag) {
                geometry.path.lineTo(geometry.arrowBase);
            }
        } else {
            geometry.path.moveTo(layout.nodes[geometry.from].center());
            geometry.path.lineTo(layout.nodes[geometry.to].center());
            geometry.arrowBase = geometry.arrowTip = layout.nodes[geometry.to].center();
        }
        layout.edges.push_back(std::move(geometry));
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    return layout;
}

QString graphvizVersion() {
    GVC_t* gvc = gvContext();
    const QString version = QString::fromUtf8(gvcVersion(gvc));
    gvFreeContext(gvc);
    return version;
}

} // namespace tessera::ui
