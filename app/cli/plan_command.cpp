// `tessera plan`: builds a partition plan from compact stage specifications, checks it and writes it.
//   --ftp FROM:TO:NxM[:reuse][:steal][@DEV,...]   fused tiles: N rows x M columns, tiles round-robin over
//   DEVs
//   --lop FROM[:TO][@DEV[=WEIGHT],...]            output channels split in proportion to the weights
//   --lip FROM[:TO][:reducer=DEV][@DEV[=WEIGHT],...]  input channels split; DEV adds the partial sums
//   --place FROM[:TO]@DEV                         whole layers on one device
// Nodes are named as `tessera analyze` lists them (or #index); nodes no stage covers run on the gateway.

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <set>

#include "app/cli/commands.h"
#include "app/cli/plan_inputs.h"
#include "app/cli/plan_report.h"
#include "core/partition/region.h"

namespace tessera::cli {
namespace {

using partition::Stage;
using partition::StageKind;

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

// "5x5", "2x3"
bool isGrid(const std::string& text) {
    const auto parts = split(text, 'x');
    auto digits = [](const std::string& t) {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); });
    };
    return parts.size() == 2 && digits(parts[0]) && digits(parts[1]);
}

struct DeviceShare {
    int device;
    double weight;
};

// "DEV[=W],DEV[=W]..." -> devices with weights; empty text = every device, equal weights.
Expected<std::vector<DeviceShare>> parseDevices(const std::string& text, const cost::Cluster& cluster) {
    std::vector<DeviceShare> shares;
    if (text.empty()) {
        for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
            shares.push_back({int(d), 1.0});
        }
        return shares;
    }
    for (const auto& item : split(text, ',')) {
        const auto parts = split(item, '=');
        auto device = cluster.find(parts[0]);
        if (!device) {
            std::string names;
            for (const auto& d : cluster.devices) {
                names += (names.empty() ? "" : ", ") + d.name;
            }
            return Error{ErrorCode::InvalidArgument,
                         "no device named '" + parts[0] + "' (devices: " + names + ")"};
        }
        double weight = 1.0;
        if (parts.size() > 1) {
            try {
                weight = std::stod(parts[1]);
            } catch (const std::exception&) {
                weight = -1;
            }
            if (!(weight > 0)) {
                return Error{ErrorCode::InvalidArgument,
                             "'" + item + "': the share must be a positive number"};
            }
        }
        shares.push_back({*device, weight});
    }
    return shares;
}

// Cut granule for a channel split of `value`: whole planes when it is the Flatten of a 4-D map, so that a LOP
// on the Flatten and a LIP on the FC layer after it cut at the same places.
std::int64_t granuleOf(const model::Graph& g, const std::string& value) {
    auto producer = g.producer(value);
    if (producer && g.nodes[*producer].opType == "Flatten") {
        const auto& in = g.value(g.nodes[*producer].inputs[0])->shape;
        if (in.size() == 4) {
            return in[2] * in[3];
        }
    }
    return 1;
}

Expected<Stage> parseStage(StageKind kind, const std::string& spec, const model::Graph& g,
                           const cost::Cluster& cluster) {
    const auto at = spec.find('@');
    const std::string head = spec.substr(0, at);
    const std::string devicesText = at == std::string::npos ? "" : spec.substr(at + 1);
    auto fields = split(head, ':');
    Stage s;
    s.kind = kind;
    auto first = findNode(g, fields[0]);
    if (!first) {
        return first.error();
    }
    s.first = s.last = *first;
    std::size_t next = 1;
    if (fields.size() > 1 && fields[1].find('=') == std::string::npos &&
        !(kind == StageKind::Tiles && isGrid(fields[1]))) {
        auto last = findNode(g, fields[1]);
        if (!last) {
            return last.error();
        }
        s.last = *last;
        next = 2;
    }
    auto shares = parseDevices(devicesText, cluster);
    if (!shares) {
        return shares.error();
    }
    if (kind == StageKind::Device) {
        if (shares->size() != 1 || devicesText.empty()) {
            return Error{ErrorCode::InvalidArgument,
                         "'" + spec + "': --place needs exactly one device after '@'"};
        }
        s.devices = {shares->front().device};
        return s;
    }
    if (kind == StageKind::Tiles) {
        if (fields.size() <= next) {
            return Error{ErrorCode::InvalidArgument,
                         "'" + spec + "': --ftp needs a grid, e.g. conv_0:conv_15_leaky:5x5"};
        }
        if (!isGrid(fields[next]) || split(fields[next], 'x')[0] == "0" ||
            split(fields[next], 'x')[1] == "0") {
            return Error{ErrorCode::InvalidArgument, "'" + fields[next] + "' is not a grid such as 5x5"};
        }
        const int rows = std::stoi(split(fields[next], 'x')[0]),
                  cols = std::stoi(split(fields[next], 'x')[1]);
        for (std::size_t i = next + 1; i < fields.size(); ++i) {
            if (fields[i] == "reuse") {
                s.reuse = true;
            } else if (fields[i] == "steal") {
                s.stealing = true;
            } else {
                return Error{ErrorCode::InvalidArgument,
                             "'" + fields[i] + "': --ftp options are 'reuse' and 'steal'"};
            }
        }
        const auto& shape = g.value(g.nodes[s.last].outputs[0])->shape;
        if (shape.size() != 4) {
            return Error{ErrorCode::InvalidArgument, "'" + spec + "': the tiles' last node '" +
                                                         g.nodes[s.last].name + "' must produce a 4-D map"};
        }
        s.rowCuts = partition::uniformCuts(shape[2], rows);
        s.colCuts = partition::uniformCuts(shape[3], cols);
        for (std::size_t t = 0; t < s.cells(); ++t) {
            s.devices.push_back((*shares)[t % shares->size()].device);
        }
        return s;
    }
    for (std::size_t i = next; i < fields.size(); ++i) {
        const auto kv = split(fields[i], '=');
        auto reducer = kv.size() == 2 && kv[0] == "reducer" ? cluster.find(kv[1]) : std::nullopt;
        if (kind != StageKind::Lip || !reducer) {
            return Error{ErrorCode::InvalidArgument,
                         "'" + fields[i] + "' is not understood (only --lip takes reducer=DEVICE)"};
        }
        s.reducer = *reducer;
    }
    const std::string& value =
        kind == StageKind::Lop ? g.nodes[s.last].outputs[0] : g.nodes[s.first].inputs[0];
    const auto& shape = g.value(value)->shape;
    std::vector<double> weights;
    for (const auto& share : *shares) {
        weights.push_back(share.weight);
        s.devices.push_back(share.device);
    }
    s.channelCuts =
        partition::proportionalCuts(shape.size() > 1 ? shape[1] : 0, weights, granuleOf(g, value));
    if (s.channelCuts.size() + 1 != s.devices.size()) {
        return Error{ErrorCode::InvalidArgument,
                     "'" + spec + "': " + std::to_string(shape.size() > 1 ? shape[1] : 0) + " channels of '" +
                         value + "' cannot be split into " + std::to_string(s.devices.size()) + " slices"};
    }
    return s;
}

} // namespace

Runner addPlanCommand(CLI::App& app) {
    struct Args {
        PlanInputs inputs;
        std::vector<std::string> ftp, lop, lip, place;
        std::string output;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd =
        app.add_subcommand("plan", "Make a partition plan: fused tiles, channel splits, whole layers");
    args->inputs.addOptions(cmd, false);
    cmd->add_option("--ftp", args->ftp, "Fused tiles: FROM:TO:NxM[:reuse][:steal][@DEV,...]");
    cmd->add_option("--lop", args->lop, "Output-channel split: FROM[:TO][@DEV[=SHARE],...]");
    cmd->add_option("--lip", args->lip, "Input-channel split: FROM[:TO][:reducer=DEV][@DEV[=SHARE],...]");
    cmd->add_option("--place", args->place, "Whole layers on one device: FROM[:TO]@DEV");
    cmd->add_option("-o,--out", args->output, "Write the plan here (JSON)")->required();
    cmd->footer("Nodes not covered by any stage run on the cluster's gateway. Example:\n"
                "  tessera plan yolov2.onnx --devices rpi4:6 --ftp conv_0:conv_15_leaky:5x5:reuse:steal -o "
                "plan.json");

    return [args]() {
        auto loaded = loadPlanInputs(args->inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        const auto& g = loaded->model.graph;
        const auto& cluster = loaded->cluster;
        std::vector<Stage> stages;
        const std::pair<StageKind, const std::vector<std::string>*> kinds[] = {
            {StageKind::Tiles, &args->ftp},
            {StageKind::Lop, &args->lop},
            {StageKind::Lip, &args->lip},
            {StageKind::Device, &args->place}};
        for (const auto& [kind, specs] : kinds) {
            for (const auto& spec : *specs) {
                auto stage = parseStage(kind, spec, g, cluster);
                if (!stage) {
                    return fail(stage.error().message);
                }
                stages.push_back(*stage);
            }
        }
        std::sort(stages.begin(), stages.end(),
                  [](const Stage& a, const Stage& b) { return a.first < b.first; });
        partition::Plan plan;
        plan.pruning = loaded->plan.pruning;
        std::size_t next = 0;
        auto gateway = [&](std::size_t until) {
            if (next < until) {
                Stage s;
                s.first = next;
                s.last = until - 1;
                s.devices = {cluster.gateway};
                plan.stages.push_back(s);
            }
        };
        for (const auto& s : stages) {
            gateway(s.first);
            plan.stages.push_back(s);
            next = std::max(next, s.last + 1);
        }
        gateway(g.nodes.size());
        if (auto ok = partition::checkPlan(plan, g, cluster); !ok) {
            return fail(ok.error().message);
        }
        if (auto written = partition::writePlan(plan, g, cluster, args->output); !written) {
            return fail(written.error().message);
        }
        printStages(std::cout, plan, g, cluster);
        std::cout << "Written to " << args->output << "\n";
        return 0;
    };
}

} // namespace tessera::cli
