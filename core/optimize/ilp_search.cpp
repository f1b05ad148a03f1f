// runMip() (ilp_model.h): GLPK's branch and cut with presolve, a time limit, progress and cancellation.

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <exception>

#include "core/cost/units.h"
#include "core/optimize/ilp_model.h"

namespace tessera::optimize::detail {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Owns a glp_prob, so that every path (errors and exceptions included) deletes it.
class GlpProblem {
public:
    GlpProblem()
        : m_lp(glp_create_prob()) {}
    ~GlpProblem() { glp_delete_prob(m_lp); }
    GlpProblem(const GlpProblem&) = delete;
    GlpProblem& operator=(const GlpProblem&) = delete;
    glp_prob* get() const { return m_lp; }

private:
    glp_prob* m_lp;
};

struct SearchState {
    Objective objective = Objective::Memory;
    double scale = 1;
    double timeLimitSeconds = 0;
    Clock::time_point start, lastReport;
    const StopToken* stop = nullptr;
    const ProgressFn* progress = nullptr;
    double bound = -kInfinity; // model units
    bool stopped = false;
    std::exception_ptr error; // thrown by `progress`, rethrown once GLPK has returned
};

std::string searchText(glp_tree* tree, const SearchState& s) {
    glp_prob* lp = glp_ios_get_prob(tree);
    const std::string bound = s.bound > -kInfinity ? formatValue(s.objective, s.bound / s.scale) : "unknown";
    if (glp_mip_status(lp) != GLP_FEAS) {
        return "branch and bound: no plan yet, bound " + bound;
    }
    char gap[32];
    std::snprintf(gap, sizeof gap, "%.1f%%", glp_ios_mip_gap(tree) * 100);
    return "branch and bound: best " + formatValue(s.objective, glp_mip_obj_val(lp) / s.scale) + ", bound " +
           bound + " (gap " + gap + ")";
}

void onSearch(glp_tree* tree, void* info) {
    auto& s = *static_cast<SearchState*>(info);
    if (s.error) {
        return;
    }
    // The least bound over the active nodes is a global lower bound; it only rises, so keep the highest seen.
    if (const int best = glp_ios_best_node(tree); best != 0) {
        const double bound = glp_ios_node_bound(tree, best);
        if (std::isfinite(bound) && std::fabs(bound) < 1e300) {
            s.bound = std::max(s.bound, bound);
        }
    }
    if (s.stop && s.stop->stopRequested()) {
        s.stopped = true;
        glp_ios_terminate(tree);
        return;
    }
    if (!s.progress || !*s.progress) {
        return;
    }
    const auto now = Clock::now();
    if (glp_ios_reason(tree) != GLP_IBINGO && now - s.lastReport < std::chrono::milliseconds(100)) {
        return;
    }
    s.lastReport = now;
    const double elapsed = std::chrono::duration<double>(now - s.start).count();
    const double fraction = s.timeLimitSeconds > 0 ? std::min(1.0, elapsed / s.timeLimitSeconds) : 1.0;
    try {
        (*s.progress)(std::isfinite(fraction) ? fraction : 0.0, searchText(tree, s));
    } catch (...) { // must not unwind through GLPK's C frames
        s.error = std::current_exception();
        glp_ios_terminate(tree);
    }
}

int milliseconds(double seconds) {
    if (!(seconds > 0)) {
        return 0;
    }
    if (seconds >= double(INT_MAX) / 1000) {
        return INT_MAX; // GLPK: no limit
    }
    return int(std::ceil(seconds * 1000));
}

} // namespace

std::string formatValue(Objective objective, double value) {
    switch (objective) {
    case Objective::Latency:
        return cost::formatSeconds(value);
    case Objective::Throughput:
        return cost::formatSeconds(value) + " per frame";
    default:
        return cost::formatBytes(std::llround(value));
    }
}

MipRun runMip(const Problem& problem, const MipSpec& spec, double timeLimitSeconds, const StopToken* stop,
              const ProgressFn& progress) {
    const auto start = Clock::now();
    GlpProblem owner;
    glp_prob* lp = owner.get();
    const std::vector<int> x = buildModel(lp, problem, spec);

    SearchState state;
    state.objective = spec.objective;
    state.scale = modelScale(spec.objective);
    state.timeLimitSeconds = timeLimitSeconds;
    state.start = start;
    state.lastReport = Clock::now();
    state.stop = stop;
    state.progress = &progress;

    const auto remaining = [&] {
        return milliseconds(timeLimitSeconds - std::chrono::duration<double>(Clock::now() - start).count());
    };
    MipRun run;
    // Traffic and latency: the LP relaxation first, by the dual simplex on the whole program. On YOLOv2-608
    // over 6 devices (80,000 columns, most of them the flow between touching options) it takes 0.6-1 s, where
    // glp_intopt's own presolve and primal simplex took 7-18 s (and the primal simplex alone 30-75 s); their
    // relaxation is usually integral already, so branch and cut then has nothing to do. The simplex takes no
    // callback: a stop is seen once it has finished. The memory program (GLPK gets it only when the exact
    // search did not finish) keeps GLPK's presolve: started from the dual simplex's basis, YOLOv2-608 over 2
    // devices stopped at a 0.1% gap after 30 s where presolve proves it in 15 s.
    const bool relaxFirst = spec.objective != Objective::Memory;
    if (relaxFirst) {
        glp_smcp simplex;
        glp_init_smcp(&simplex);
        simplex.msg_lev = GLP_MSG_OFF;
        simplex.meth = GLP_DUALP;
        simplex.tm_lim = remaining(); // building the model counts against the limit
        const int lpCode = simplex.tm_lim > 0 ? glp_simplex(lp, &simplex) : GLP_ETMLIM;
        if (lpCode == GLP_ETMLIM || (stop && stop->stopRequested())) {
            run.end = lpCode == GLP_ETMLIM ? MipRun::End::TimeLimit : MipRun::End::Stopped;
            return run;
        }
        if (lpCode == 0 && (glp_get_status(lp) == GLP_NOFEAS || glp_get_status(lp) == GLP_INFEAS)) {
            run.end = MipRun::End::Infeasible;
            return run;
        }
        if (lpCode != 0 || glp_get_status(lp) != GLP_OPT) {
            run.end = MipRun::End::Failed;
            run.detail = "GLPK's simplex failed on the relaxation (glp_simplex returned " +
                         std::to_string(lpCode) + ", status " + std::to_string(glp_get_status(lp)) + ")";
            return run;
        }
    }

    glp_iocp parameters;
    glp_init_iocp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.presolve = relaxFirst ? GLP_OFF : GLP_ON; // without: starts from the relaxation's basis
    parameters.tm_lim = remaining();
    parameters.mip_gap = 0;
    // Nodes within tol_obj * (1 + |incumbent|) of the incumbent are pruned: 1e-9 keeps a plan one byte
    // better out of a gigabyte.
    parameters.tol_obj = 1e-9;
    // The min-max memory program has a weak LP relaxation; the feasibility pump finds a first plan sooner (on
    // random 60-unit problems, a third less time to the proven optimum). Clique cuts and the proximity search
    // would help no more and print to stdout whatever msg_lev says.
    parameters.fp_heur = spec.objective == Objective::Memory ? GLP_ON : GLP_OFF;
    // GLPK gets the memory program only when the exact search (memory_search.h) did not finish, as on
    // YOLOv2-608 over 2 devices: hybrid pseudocost branching proves that in 7 s, where GLPK's default
    // (Driebeck-Tomlin) left a 1.5% gap after 10 s.
    parameters.br_tech = spec.objective == Objective::Memory ? GLP_BR_PCH : GLP_BR_DTH;
    parameters.cb_func = onSearch;
    parameters.cb_info = &state;
    const int code = glp_intopt(lp, &parameters);
    if (state.error) {
        std::rethrow_exception(state.error);
    }

    run.bound = state.bound / state.scale;
    const int status = glp_mip_status(lp);
    if (status == GLP_OPT || status == GLP_FEAS) {
        for (std::size_t o = 0; o < x.size(); ++o) {
            if (glp_mip_col_val(lp, x[o]) > 0.5) {
                run.chosen.push_back(int(o));
            }
        }
    }
    if (code == 0 && status == GLP_OPT) {
        run.end = MipRun::End::Optimal;
        run.bound = glp_mip_obj_val(lp) / state.scale;
    } else if ((code == 0 && status == GLP_NOFEAS) || code == GLP_ENOPFS) {
        run.end = MipRun::End::Infeasible;
    } else if (code == GLP_ETMLIM) {
        run.end = MipRun::End::TimeLimit;
    } else if (code == GLP_ESTOP) {
        run.end = MipRun::End::Stopped;
    } else {
        run.end = MipRun::End::Failed;
        run.chosen.clear();
        run.detail = "GLPK's branch and cut failed (glp_intopt returned " + std::to_string(code) + ")";
    }
    return run;
}

} // namespace tessera::optimize::detail
