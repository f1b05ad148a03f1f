#include "core/cost/analysis_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace tessera::cost {
namespace {

using model::Graph;

std::string shapeOf(const Graph& g, const std::string& value) {
    const model::ValueInfo* v = g.value(value);
    return v ? model::toString(v->shape) : "?";
}

std::string ioLine(const model::ValueInfo& v) {
    return v.name + " " + model::toString(v.dtype) + "[" + model::toString(v.shape) + "]";
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

struct Row {
    std::string id, name, op, shape, params, macs, activations, kind;
};

std::vector<Row> rows(const model::Model& m, const ModelCost& cost, bool raw) {
    std::vector<Row> out;
    const Graph& g = m.graph;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& n = g.nodes[i];
        const auto& c = cost.layers[i];
        std::string shape;
        for (const auto& o : n.outputs) {
            if (!o.empty()) {
                shape += (shape.empty() ? "" : " ") + shapeOf(g, o);
            }
        }
        auto number = [raw](std::int64_t v) { return raw ? std::to_string(v) : groupDigits(v); };
        out.push_back({std::to_string(i), n.name.empty() ? n.outputs.at(0) : n.name, n.opType, shape,
                       number(c.params), number(c.macs), number(c.outputBytes), toString(c.dominance)});
    }
    return out;
}

std::string table(const model::Model& m, const ModelCost& cost) {
    const Graph& g = m.graph;
    std::ostringstream out;
    out << "Model        " << m.path << "\n";
    out << "Format       " << m.format << ", opset " << m.opset
        << (m.producer.empty() ? "" : ", producer " + m.producer) << "\n";
    out << "SHA-256      " << m.sha256 << "\n";
    for (const auto& in : g.inputs) {
        out << "Input        " << ioLine(in) << "\n";
    }
    for (const auto& o : g.outputs) {
        out << "Output       " << ioLine(o) << "\n";
    }
    out << "Nodes        " << g.nodes.size() << "\n";
    out << "Params       " << groupDigits(cost.params) << "\n";
    out << "Weights      " << humanBytes(cost.weightBytes) << " (" << groupDigits(cost.weightBytes)
        << " B)\n";
    out << "MACs         " << humanCount(cost.macs) << " (" << groupDigits(cost.macs) << ")\n";
    out << "FLOPs        " << humanCount(cost.flops) << "\n";
    const std::string peakAt = g.nodes.empty() ? "" : g.nodes[cost.peakNode].name;
    out << "Activations  peak " << humanBytes(cost.peakActivationBytes) << " with buffer reuse (during '"
        << peakAt << "'), " << humanBytes(cost.totalActivationBytes) << " without reuse\n";
    out << "RAM total    " << humanBytes(cost.weightBytes + cost.peakActivationBytes)
        << " (weights + peak activations incl. I/O)\n";
    for (const auto& note : m.notes) {
        out << "Note         " << note << "\n";
    }
    out << "\n";

    const auto body = rows(m, cost, false);
    const Row header{"id", "name", "op", "output shape", "params", "MACs", "activations (B)", "dominated by"};
    std::size_t w[8] = {};
    auto widen = [&w](const Row& r) {
        const std::string* f[] = {&r.id,     &r.name, &r.op,          &r.shape,
                                  &r.params, &r.macs, &r.activations, &r.kind};
        for (int i = 0; i < 8; ++i) {
            w[i] = std::max(w[i], f[i]->size());
        }
    };
    widen(header);
    for (const auto& r : body) {
        widen(r);
    }
    auto line = [&](const Row& r) {
        const std::string* f[] = {&r.id,     &r.name, &r.op,          &r.shape,
                                  &r.params, &r.macs, &r.activations, &r.kind};
        const bool right[] = {true, false, false, false, true, true, true, false};
        std::string s;
        for (int i = 0; i < 8; ++i) {
            const std::string pad(w[i] - f[i]->size(), ' ');
            if (i) {
                s.append(" | ");
            }
            s.append(right[i] ? pad : "").append(*f[i]).append(!right[i] && i != 7 ? pad : "");
        }
        s.push_back('\n');
        return s;
    };
    out << line(header);
    std::string rule;
    for (int i = 0; i < 8; ++i) {
        rule.append(i ? "-+-" : "").append(w[i], '-');
    }
    out << rule << "\n";
    for (const auto& r : body) {
        out << line(r);
    }
    return out.str();
}

std::string csv(const model::Model& m, const ModelCost& cost) {
    std::string out =
        "id,name,op,output_shape,params,macs,flops,weight_bytes,input_bytes,output_bytes,dominated_by\n";
    const auto body = rows(m, cost, true);
    for (std::size_t i = 0; i < body.size(); ++i) {
        const auto& r = body[i];
        const auto& c = cost.layers[i];
        out += r.id + "," + csvField(r.name) + "," + r.op + "," + csvField(r.shape) + "," + r.params + "," +
               r.macs + "," + std::to_string(c.flops) + "," + std::to_string(c.weightBytes) + "," +
               std::to_string(c.inputBytes) + "," + std::to_string(c.outputBytes) + "," + r.kind + "\n";
    }
    return out;
}

std::string json(const model::Model& m, const ModelCost& cost) {
    using nlohmann::json;
    const Graph& g = m.graph;
    auto io = [&](const std::vector<model::ValueInfo>& list) {
        json arr = json::array();
        for (const auto& v : list) {
            arr.push_back({{"name", v.name}, {"dtype", model::toString(v.dtype)}, {"shape", v.shape}});
        }
        return arr;
    };
    json layers = json::array();
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& n = g.nodes[i];
        const auto& c = cost.layers[i];
        json shapes = json::array();
        for (const auto& o : n.outputs) {
            if (const model::ValueInfo* v = g.value(o)) {
                shapes.push_back(v->shape);
            }
        }
        layers.push_back({{"id", i},
                          {"name", n.name},
                          {"op", n.opType},
                          {"inputs", n.inputs},
                          {"outputs", n.outputs},
                          {"output_shapes", shapes},
                          {"params", c.params},
                          {"macs", c.macs},
                          {"flops", c.flops},
                          {"weight_bytes", c.weightBytes},
                          {"input_bytes", c.inputBytes},
                          {"output_bytes", c.outputBytes},
                          {"dominated_by", toString(c.dominance)}});
    }
    json doc = {{"model",
                 {{"path", m.path},
                  {"format", m.format},
                  {"sha256", m.sha256},
                  {"opset", m.opset},
                  {"producer", m.producer},
                  {"inputs", io(g.inputs)},
                  {"outputs", io(g.outputs)},
                  {"notes", m.notes}}},
                {"totals",
                 {{"nodes", g.nodes.size()},
                  {"params", cost.params},
                  {"weight_bytes", cost.weightBytes},
                  {"macs", cost.macs},
                  {"flops", cost.flops},
                  {"peak_activation_bytes", cost.peakActivationBytes},
                  {"peak_node", g.nodes.empty() ? "" : g.nodes[cost.peakNode].name},
                  {"total_activation_bytes", cost.totalActivationBytes},
                  {"input_bytes", cost.inputBytes},
                  {"output_bytes", cost.outputBytes}}},
                {"layers", layers}};
    return doc.dump(2) + "\n";
}

} // namespace

std::string groupDigits(std::int64_t value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    return out;
}

std::string humanBytes(std::int64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof(buf), u == 0 ? "%.0f %s" : "%.2f %s", v, units[u]);
    return buf;
}

std::string humanCount(std::int64_t value) {
    const char* units[] = {"", " K", " M", " G", " T"};
    double v = double(value);
    int u = 0;
    while (v >= 1000.0 && u < 4) {
        v /= 1000.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof(buf), u == 0 ? "%.0f%s" : "%.2f%s", v, units[u]);
    return buf;
}

std::string formatReport(const model::Model& model, const ModelCost& cost, ReportFormat format) {
    switch (format) {
    case ReportFormat::Csv:
        return csv(model, cost);
    case ReportFormat::Json:
        return json(model, cost);
    case ReportFormat::Table:
        break;
    }
    return table(model, cost);
}

} // namespace tessera::cost
