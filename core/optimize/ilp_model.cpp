// buildModel() (ilp_model.h): the integer program over a Problem, in GLPK's arrays.

#include "core/optimize/ilp_model.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace tessera::optimize::detail {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// Collects the rows' coefficients and loads them at once. Coefficients of one row are merged by column:
// GLPK aborts the process on a duplicate (row, column) entry, so none may reach it.
class Rows {
public:
    explicit Rows(glp_prob* lp)
        : m_lp(lp) {}

    // type GLP_FX, GLP_LO or GLP_UP with the bound `rhs`.
    void begin(int type, double rhs) {
        flush();
        m_row = glp_add_rows(m_lp, 1);
        glp_set_row_bnds(m_lp, m_row, type, rhs, rhs);
    }
    void add(int column, double value) { m_entries[column] += value; }
    void addAll(const std::vector<int>& columns, double value) {
        for (const int column : columns) {
            add(column, value);
        }
    }
    void load() {
        flush();
        glp_load_matrix(m_lp, int(m_ar.size()) - 1, m_ia.data(), m_ja.data(), m_ar.data());
    }

private:
    void flush() {
        for (const auto& [column, value] : m_entries) {
            if (value != 0) {
                m_ia.push_back(m_row);
                m_ja.push_back(column);
                m_ar.push_back(value);
            }
        }
        m_entries.clear();
    }

    glp_prob* m_lp;
    int m_row = 0;
    std::map<int, double> m_entries;
    std::vector<int> m_ia{0}, m_ja{0}; // GLPK's arrays are 1-based
    std::vector<double> m_ar{0.0};
};

int addColumn(glp_prob* lp, int type, double lower, double upper, double objective) {
    const int column = glp_add_cols(lp, 1);
    glp_set_col_bnds(lp, column, type, lower, upper);
    glp_set_obj_coef(lp, column, objective);
    return column;
}

// Costs in model units (0 for the memory objective, which has no traffic or latency terms).
double cost(Objective objective, std::int64_t bytes, double seconds) {
    switch (objective) {
    case Objective::Memory:
        return 0;
    case Objective::Traffic:
        return double(bytes) / kMiB;
    case Objective::Latency:
        return seconds * 1e3;
    case Objective::Throughput: // priced by the period rows (addPeriod)
        return 0;
    }
    return 0;
}

// Whether a link load costs anything in the period: link time, or bytes whose messages take CPU.
bool anyLoad(const LinkLoad& links) {
    const auto positive = [](auto v) { return v > 0; };
    return links.mediumSeconds > 0 || std::any_of(links.upSeconds.begin(), links.upSeconds.end(), positive) ||
           std::any_of(links.downSeconds.begin(), links.downSeconds.end(), positive) ||
           std::any_of(links.sentBytes.begin(), links.sentBytes.end(), positive) ||
           std::any_of(links.receivedBytes.begin(), links.receivedBytes.end(), positive);
}

// A cost paid when both factors are 1. A factor is a sum of x over options of which a choice holds at most
// one: a transition's two options, or an exchange's producers in one layout and its readers with one need.
struct Product {
    std::vector<int> left, right; // option indices
    double objective = 0, cap = 0;
    LinkLoad links; // the throughput objective only
    int column = 0; // its variable, 0 when it costs nothing in any expression
    bool priced() const { return objective != 0 || cap != 0 || anyLoad(links); }
};

// Products sharing one factor whose other factors exclude one another (their options cover a common unit).
struct Group {
    std::vector<int> shared;
    std::vector<std::size_t> products;
    bool sharedIsLeft = true;
};

struct Terms {
    std::vector<double> ownObjective, ownCap; // per option
    std::vector<LinkLoad> ownLinks;           // per option; the throughput objective only
    // Pairs of options that touch (a ends right before b starts), with what they cost: see addFlows().
    std::map<std::pair<int, int>, std::pair<double, double>> flowCosts; // (objective, cap)
    std::map<std::pair<int, int>, LinkLoad> flowLinks;                  // the throughput objective only
    std::vector<Product> products;                                      // every other cost of two choices
    std::vector<Group> groups;
};

bool touch(const Option& a, const Option& b) {
    return a.lastUnit + 1 == b.firstUnit;
}

Terms gatherTerms(const Problem& p, const MipSpec& spec) {
    const Objective capObjective = spec.capObjective.value_or(Objective::Memory);
    const auto costs = [&](std::int64_t bytes, double seconds) {
        return std::pair{cost(spec.objective, bytes, seconds), cost(capObjective, bytes, seconds)};
    };
    // link loads count only for the period (throughput as the objective or the cap)
    const bool period = spec.objective == Objective::Throughput || capObjective == Objective::Throughput;
    const LinkLoad none;
    const auto links = [&](const LinkLoad& bytes) -> const LinkLoad& { return period ? bytes : none; };
    Terms terms;
    for (const Option& option : p.options) {
        terms.ownObjective.push_back(cost(spec.objective, option.ownBytes, option.ownSeconds));
        terms.ownCap.push_back(cost(capObjective, option.ownBytes, option.ownSeconds));
        terms.ownLinks.push_back(links(option.links));
    }
    const auto addFlow = [&](int a, int b, std::pair<double, double> c, const LinkLoad& bytes) {
        auto& total = terms.flowCosts[{a, b}];
        total.first += c.first;
        total.second += c.second;
        accumulate(terms.flowLinks[{a, b}], links(bytes));
    };
    // Transitions: an option's to itself is part of its own cost (evaluate() charges it whenever the option
    // is chosen); between touching options, on the flow; otherwise a product per ordered pair.
    std::map<std::pair<int, int>, std::size_t> pairs;
    for (const Transition& t : p.transitions) {
        const auto c = costs(t.bytes, t.seconds);
        if (t.from == t.to) {
            terms.ownObjective[std::size_t(t.from)] += c.first;
            terms.ownCap[std::size_t(t.from)] += c.second;
            accumulate(terms.ownLinks[std::size_t(t.from)], links(t.links));
        } else if (touch(p.options[std::size_t(t.from)], p.options[std::size_t(t.to)])) {
            addFlow(t.from, t.to, c, t.links);
        } else {
            auto [it, added] = pairs.emplace(std::pair{t.from, t.to}, terms.products.size());
            if (added) {
                Product product;
                product.left = {t.from};
                product.right = {t.to};
                terms.products.push_back(std::move(product));
            }
            Product& product = terms.products[it->second];
            product.objective += c.first;
            product.cap += c.second;
            accumulate(product.links, links(t.links));
        }
    }
    // Groups of transition products: option a with every b covering a unit u outside a (u: the first unit of
    // each of a's targets), and the mirror image towards the sources.
    std::vector<std::vector<int>> covering(p.units);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        for (std::size_t u = p.options[o].firstUnit; u <= p.options[o].lastUnit; ++u) {
            covering[u].push_back(int(o));
        }
    }
    std::set<std::pair<int, std::size_t>> forward, backward; // (option, unit)
    for (const auto& [key, index] : pairs) {
        const Option &from = p.options[std::size_t(key.first)], &to = p.options[std::size_t(key.second)];
        if (to.firstUnit < from.firstUnit || to.firstUnit > from.lastUnit) {
            forward.insert({key.first, to.firstUnit});
        }
        if (from.lastUnit < to.firstUnit || from.lastUnit > to.lastUnit) {
            backward.insert({key.second, from.lastUnit});
        }
    }
    for (const bool sharedIsLeft : {true, false}) {
        for (const auto& [option, unit] : sharedIsLeft ? forward : backward) {
            Group group{{option}, {}, sharedIsLeft};
            for (const int other : covering[unit]) {
                const auto it =
                    pairs.find(sharedIsLeft ? std::pair{option, other} : std::pair{other, option});
                if (it != pairs.end()) {
                    group.products.push_back(it->second);
                }
            }
            terms.groups.push_back(std::move(group));
        }
    }
    // Exchanges: when every producer touches every reader (a value read by the next unit), the cost of each
    // (layout, need) goes on the flow of each (producer, reader) pair; otherwise a product per (layout, need)
    // with a group per layout and per need.
    for (const Exchange& x : p.exchanges) {
        const bool touching = std::all_of(x.producers.begin(), x.producers.end(), [&](const auto& producer) {
            return std::all_of(x.readers.begin(), x.readers.end(), [&](const auto& reader) {
                return touch(p.options[std::size_t(producer.first)], p.options[std::size_t(reader.first)]);
            });
        });
        if (touching) {
            for (const auto& [producer, layout] : x.producers) {
                for (const auto& [reader, need] : x.readers) {
                    const auto l = std::size_t(layout), n = std::size_t(need);
                    addFlow(producer, reader, costs(x.bytes[l][n], x.seconds[l][n]),
                            x.links.empty() ? none : x.links[l][n]);
                }
            }
            continue;
        }
        std::vector<std::vector<int>> layouts(x.bytes.size()), needs(x.bytes.empty() ? 0 : x.bytes[0].size());
        for (const auto& [option, layout] : x.producers) {
            layouts[std::size_t(layout)].push_back(option);
        }
        for (const auto& [option, need] : x.readers) {
            needs[std::size_t(need)].push_back(option);
        }
        std::vector<std::vector<std::size_t>> byNeed(needs.size());
        for (std::size_t l = 0; l < layouts.size(); ++l) {
            Group group{layouts[l], {}, true};
            for (std::size_t n = 0; n < needs.size(); ++n) {
                if (layouts[l].empty() || needs[n].empty()) {
                    continue;
                }
                group.products.push_back(terms.products.size());
                byNeed[n].push_back(terms.products.size());
                const auto c = costs(x.bytes[l][n], x.seconds[l][n]);
                terms.products.push_back(Product{layouts[l], needs[n], c.first, c.second,
                                                 links(x.links.empty() ? none : x.links[l][n])});
            }
            terms.groups.push_back(std::move(group));
        }
        for (std::size_t n = 0; n < needs.size(); ++n) {
            terms.groups.push_back(Group{needs[n], std::move(byNeed[n]), false});
        }
    }
    return terms;
}

// The flow between touching options: f_ab in [0, 1] for every pair (a, b) where a ends right before b starts,
// costly or not, and
//   sum over b starting right after a of f_ab = x_a   (for a not ending at the last unit),
//   sum over a ending right before b of f_ab = x_b    (for b not starting at unit 0).
// In a choice, the unit after a chosen a is covered by an option that cannot cover a's last unit, so it
// starts right after a: for binary x, f_ab is exactly x_a * x_b, whatever the sign of its cost. These are
// the conservation rows of a path through the units, so for a chain the traffic and latency programs are
// shortest paths and their LP relaxation is integral. Built only when some pair costs something.
// Returns the flow columns' cap coefficients and link loads.
struct FlowColumns {
    std::vector<std::pair<int, double>> cap;            // (column, coefficient) for the cap row
    std::vector<std::pair<int, const LinkLoad*>> links; // for the period rows
};
FlowColumns addFlows(const Problem& p, const Terms& terms, glp_prob* lp, const std::vector<int>& x,
                     Rows& rows) {
    FlowColumns columns;
    const bool priced =
        std::any_of(terms.flowCosts.begin(), terms.flowCosts.end(),
                    [](const auto& entry) { return entry.second.first != 0 || entry.second.second != 0; }) ||
        std::any_of(terms.flowLinks.begin(), terms.flowLinks.end(),
                    [](const auto& entry) { return anyLoad(entry.second); });
    if (!priced) {
        return columns;
    }
    std::vector<std::vector<int>> endingAt(p.units), startingAt(p.units);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        endingAt[p.options[o].lastUnit].push_back(int(o));
        startingAt[p.options[o].firstUnit].push_back(int(o));
    }
    std::vector<std::vector<int>> out(p.options.size()), in(p.options.size()); // flow columns per option
    for (std::size_t unit = 1; unit < p.units; ++unit) {
        for (const int a : endingAt[unit - 1]) {
            for (const int b : startingAt[unit]) {
                const auto it = terms.flowCosts.find({a, b});
                const auto [objective, cap] = it == terms.flowCosts.end() ? std::pair{0.0, 0.0} : it->second;
                const int column = addColumn(lp, GLP_DB, 0, 1, objective);
                out[std::size_t(a)].push_back(column);
                in[std::size_t(b)].push_back(column);
                if (cap != 0) {
                    columns.cap.emplace_back(column, cap);
                }
                if (const auto l = terms.flowLinks.find({a, b});
                    l != terms.flowLinks.end() && anyLoad(l->second)) {
                    columns.links.emplace_back(column, &l->second);
                }
            }
        }
    }
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        if (p.options[o].lastUnit + 1 < p.units) {
            rows.begin(GLP_FX, 0);
            rows.addAll(out[o], 1);
            rows.add(x[o], -1);
        }
        if (p.options[o].firstUnit > 0) {
            rows.begin(GLP_FX, 0);
            rows.addAll(in[o], 1);
            rows.add(x[o], -1);
        }
    }
    return columns;
}

// A product's variable w lies in [0, 1] with w >= left + right - 1, so w >= left * right for binary x. While
// w appears only with non-negative coefficients (in the minimised objective, in the <= cap row) a larger w
// never helps, so an optimum has w = left * right or the same cost. A negative coefficient (a transition that
// saves, such as DeeperThings' reuse of an all-gathered LOP output) would push w up, so then w <= left and
// w <= right pin it to the product. Whatever w the solver settles on, the figures come from evaluate() on
// the chosen x.
//
// Then per group (valid for the exact products, so they cut off no choice): if the shared factor is 1 and
// one of the other factors is 1, that product is 1:
//   sum over the group of w >= shared + sum over the group of other - 1.
// Without these rows the LP relaxation can set every x to a half and pay no exchange at all.
void addProducts(Terms& terms, glp_prob* lp, const std::vector<int>& x, Rows& rows) {
    const auto columns = [&](const std::vector<int>& options) {
        std::vector<int> result;
        for (const int o : options) {
            result.push_back(x[std::size_t(o)]);
        }
        return result;
    };
    for (Product& product : terms.products) {
        if (!product.priced()) {
            continue;
        }
        product.column = addColumn(lp, GLP_DB, 0, 1, product.objective);
        rows.begin(GLP_LO, -1);
        rows.add(product.column, 1);
        rows.addAll(columns(product.left), -1);
        rows.addAll(columns(product.right), -1);
        if (product.objective < 0 || product.cap < 0) {
            for (const auto* factor : {&product.left, &product.right}) {
                rows.begin(GLP_UP, 0);
                rows.add(product.column, 1);
                rows.addAll(columns(*factor), -1);
            }
        }
    }
    for (const Group& group : terms.groups) {
        std::vector<std::size_t> priced;
        std::copy_if(group.products.begin(), group.products.end(), std::back_inserter(priced),
                     [&](std::size_t k) { return terms.products[k].column != 0; });
        if (priced.empty()) {
            continue;
        }
        rows.begin(GLP_LO, -1);
        rows.addAll(columns(group.shared), -1);
        for (const std::size_t k : priced) {
            const Product& product = terms.products[k];
            rows.add(product.column, 1);
            rows.addAll(columns(group.sharedIsLeft ? product.right : product.left), -1);
        }
    }
}

// Per device: A_d >= the arena of the option covering u, for every unit u (exactly one option covers u, so
// the sum is that option's arena: tighter in the LP relaxation than one row per option); the memory limit;
// for the memory objective, Z >= memory(d) - offset(d).
void addMemory(const Problem& p, const MipSpec& spec, glp_prob* lp, const std::vector<int>& x, int z,
               Rows& rows) {
    for (std::size_t d = 0; d < p.deviceNames.size(); ++d) {
        const std::int64_t limit = spec.memoryLimit.empty() ? kNoLimit : spec.memoryLimit[d];
        if (z == 0 && limit == kNoLimit) {
            continue;
        }
        const int arena = addColumn(lp, GLP_LO, 0, 0, 0);
        for (std::size_t u = 0; u < p.units; ++u) {
            bool any = false;
            for (std::size_t o = 0; o < p.options.size(); ++o) {
                const Option& option = p.options[o];
                if (option.firstUnit <= u && u <= option.lastUnit && option.arenaBytes[d] > 0) {
                    if (!any) {
                        rows.begin(GLP_LO, 0);
                        rows.add(arena, 1);
                        any = true;
                    }
                    rows.add(x[o], -double(option.arenaBytes[d]) / kMiB);
                }
            }
        }
        const auto addMemoryTerms = [&](double sign) {
            rows.add(arena, sign);
            for (std::size_t o = 0; o < p.options.size(); ++o) {
                rows.add(x[o], sign * double(p.options[o].weightBytes[d]) / kMiB);
            }
        };
        const double overhead = double(p.overheadBytes[d]);
        if (limit != kNoLimit) {
            rows.begin(GLP_UP, (double(limit) - overhead) / kMiB);
            addMemoryTerms(1);
        }
        if (z != 0) {
            const double offset = spec.memoryOffset.empty() ? 0.0 : double(spec.memoryOffset[d]);
            rows.begin(GLP_LO, (overhead - offset) / kMiB);
            rows.add(z, 1);
            addMemoryTerms(-1);
        }
    }
}

// The throughput objective: P >= every device's CPU time per frame (its options' compute, its frame time and
// its message bytes at messageSecondsPerByte) and the time its link's directions are held (and the shared
// medium's), in milliseconds. The flow and product columns enter with their link
// loads; as everywhere, a larger product than the product of its factors only raises P, so the minimum
// keeps it exact.
void addPeriod(const Problem& p, const Terms& terms, const FlowColumns& flows, const std::vector<int>& x,
               int period, Rows& rows) {
    const std::size_t devices = p.deviceNames.size();
    std::vector<std::map<int, double>> up(devices), down(devices), cpu(devices);
    std::map<int, double> medium;
    const auto add = [&](int column, const LinkLoad& links) {
        for (std::size_t d = 0; d < p.messageSecondsPerByte.size(); ++d) {
            const std::int64_t bytes = (d < links.sentBytes.size() ? links.sentBytes[d] : 0) +
                                       (d < links.receivedBytes.size() ? links.receivedBytes[d] : 0);
            cpu[d][column] += p.messageSecondsPerByte[d] * double(bytes) * 1e3;
        }
        for (std::size_t d = 0; d < links.upSeconds.size(); ++d) {
            up[d][column] += links.upSeconds[d] * 1e3;
        }
        for (std::size_t d = 0; d < links.downSeconds.size(); ++d) {
            down[d][column] += links.downSeconds[d] * 1e3;
        }
        medium[column] += links.mediumSeconds * 1e3;
    };
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        add(x[o], terms.ownLinks[o]);
    }
    for (const auto& [column, links] : flows.links) {
        add(column, *links);
    }
    for (const Product& product : terms.products) {
        if (product.column != 0) {
            add(product.column, product.links);
        }
    }
    const auto row = [&](const std::map<int, double>& coefficients, double constant = 0) {
        rows.begin(GLP_UP, -constant * 1e3);
        rows.add(period, -1);
        for (const auto& [column, value] : coefficients) {
            rows.add(column, value);
        }
    };
    for (std::size_t d = 0; d < devices; ++d) {
        for (std::size_t o = 0; o < p.options.size(); ++o) {
            if (d < p.options[o].computeSeconds.size()) {
                cpu[d][x[o]] += p.options[o].computeSeconds[d] * 1e3;
            }
        }
        row(cpu[d], d < p.frameSeconds.size() ? p.frameSeconds[d] : 0);
        row(up[d]);
        row(down[d]);
    }
    row(medium);
}

} // namespace

double modelScale(Objective objective) {
    return objective == Objective::Latency || objective == Objective::Throughput ? 1e3 : 1 / kMiB;
}

std::vector<int> buildModel(glp_prob* lp, const Problem& p, const MipSpec& spec) {
    glp_set_obj_dir(lp, GLP_MIN);
    Rows rows(lp);
    Terms terms = gatherTerms(p, spec);
    std::vector<int> x;
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        x.push_back(addColumn(lp, GLP_DB, 0, 1, terms.ownObjective[o]));
        glp_set_col_kind(lp, x.back(), GLP_BV);
    }
    for (std::size_t u = 0; u < p.units; ++u) {
        rows.begin(GLP_FX, 1);
        for (std::size_t o = 0; o < p.options.size(); ++o) {
            if (p.options[o].firstUnit <= u && u <= p.options[o].lastUnit) {
                rows.add(x[o], 1);
            }
        }
    }
    const FlowColumns flows = addFlows(p, terms, lp, x, rows);
    addProducts(terms, lp, x, rows);
    const bool periodCap = spec.capObjective == Objective::Throughput;
    if (spec.objective == Objective::Throughput || periodCap) {
        // P, the period in milliseconds: the objective, or held at or below the cap (with room for rounding
        // as below)
        const double cap = spec.capValue * 1e3 + std::max(std::fabs(spec.capValue * 1e3) * 1e-9, 1e-9);
        const double objective = spec.objective == Objective::Throughput ? 1 : 0;
        addPeriod(p, terms, flows, x,
                  periodCap ? addColumn(lp, GLP_DB, 0, cap, objective)
                            : addColumn(lp, GLP_LO, 0, 0, objective),
                  rows);
    }
    const int z = spec.objective == Objective::Memory ? addColumn(lp, GLP_FR, 0, 0, 1) : 0;
    addMemory(p, spec, lp, x, z, rows);
    if (spec.capObjective && !periodCap) {
        // The cap comes from evaluate() of a feasible choice: room for rounding in the LP's own sums (the
        // caller checks the chosen set exactly).
        const double value = spec.capValue * modelScale(*spec.capObjective);
        rows.begin(GLP_UP, value + std::max(std::fabs(value) * 1e-9, 1e-9));
        for (std::size_t o = 0; o < p.options.size(); ++o) {
            rows.add(x[o], terms.ownCap[o]);
        }
        for (const Product& product : terms.products) {
            if (product.column != 0) {
                rows.add(product.column, product.cap);
            }
        }
        for (const auto& [column, cap] : flows.cap) {
            rows.add(column, cap);
        }
    }
    for (const auto& choice : spec.excluded) {
        rows.begin(GLP_UP, double(choice.size()) - 1);
        for (const int o : choice) {
            rows.add(x[std::size_t(o)], 1);
        }
    }
    rows.load();
    return x;
}

} // namespace tessera::optimize::detail
