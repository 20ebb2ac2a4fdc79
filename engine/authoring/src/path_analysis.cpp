// Derived graphs and path searches for the lint. Sections: reversed and combined
// graphs, path summaries, arrival ranges per ending, the say-no search.
#include "path_analysis.hpp"

#include "frontline/runner.hpp"
#include "frontline/scoring.hpp"

#include <algorithm>
#include <limits>

namespace frontline::authoring_detail {

// --- derived graphs ----------------------------------------------------------------

StateGraph reversed_graph(const StateGraph& g) {
    const size_t n = g.states.size();
    StateGraph r;
    // plan_need only counts the states; their contents are never read.
    r.states.resize(n);
    std::vector<uint32_t> begin(n + 1, 0);
    for (const StateEdge& e : g.edges)
        if (e.to >= 0) ++begin[static_cast<size_t>(e.to) + 1];
    if (n > 0) ++begin[1];  // the start's move to "the end"
    for (size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
    r.edges.resize(begin[n]);
    std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
    if (n > 0) {
        StateEdge to_end;
        to_end.to = -1;
        r.edges[fill[0]++] = to_end;
    }
    for (size_t s = 0; s < n; ++s) {
        for (const StateEdge& e : g.edges_of(s)) {
            if (e.to < 0) continue;
            StateEdge back = e;
            back.to = static_cast<int>(s);
            r.edges[fill[static_cast<size_t>(e.to)]++] = back;
        }
    }
    r.edge_begin = std::move(begin);
    return r;
}

StateGraph combined_graph(const StateGraph& g, int64_t technical_scale, int64_t personal_scale) {
    StateGraph c;
    c.states.resize(g.states.size());
    c.edge_begin = g.edge_begin;
    c.edges = g.edges;
    // Choice points are within ±1000, so keep each scaled move inside int.
    const int64_t limit = std::numeric_limits<int>::max() / 4;
    while (1000 * (technical_scale + personal_scale) > limit) {
        technical_scale = (technical_scale + 1) / 2;
        personal_scale = (personal_scale + 1) / 2;
    }
    for (StateEdge& e : c.edges) {
        int64_t w = e.technical * technical_scale + e.personal * personal_scale;
        e.technical = static_cast<int>(w);
    }
    return c;
}

// --- path summaries -------------------------------------------------------------------

PathSummary summarise_path(const Scenario& s, const std::vector<int>& choices, int64_t best_technical,
                           int64_t best_personal) {
    PathSummary out;
    size_t applied = 0;
    Runner run = replay(s, choices, &applied);
    out.found = run.finished() && applied == choices.size();
    out.choices.assign(choices.begin(), choices.begin() + static_cast<std::ptrdiff_t>(applied));
    for (const TranscriptEntry& e : run.transcript())
        if (e.kind == TranscriptEntry::Kind::choice) out.says.push_back(e.text);
    out.ending = run.state().ending;
    out.technical = run.state().technical;
    out.personal = run.state().personal;
    out.technical_percent = percent_of_best(out.technical, best_technical);
    out.personal_percent = percent_of_best(out.personal, best_personal);
    out.mood = run.state().mood;
    return out;
}

// --- arrival ranges -------------------------------------------------------------------

std::vector<EndingReport> ending_ranges(const Scenario& s, const StateGraph& g) {
    std::vector<EndingReport> out(s.endings.size());
    if (g.states.empty()) return out;
    const StateGraph back = reversed_graph(g);
    const NeedPlan technical = plan_need(back, Need::technical);
    const NeedPlan personal = plan_need(back, Need::personal);
    auto widen = [](ValueRange& r, bool first, int64_t lo, int64_t hi) {
        if (first) {
            r.min = lo;
            r.max = hi;
        } else {
            r.min = std::min(r.min, lo);
            r.max = std::max(r.max, hi);
        }
    };
    for (size_t st = 0; st < g.states.size(); ++st) {
        for (const StateEdge& e : g.edges_of(st)) {
            if (e.to >= 0) continue;
            EndingReport& r = out[static_cast<size_t>(e.ending)];
            const bool first = !r.reachable;
            r.reachable = true;
            widen(r.technical, first, technical.worst[st] + e.technical, technical.best[st] + e.technical);
            widen(r.personal, first, personal.worst[st] + e.personal, personal.best[st] + e.personal);
            widen(r.mood, first, e.mood_after, e.mood_after);
        }
    }
    // A loop that keeps lowering a need makes the worst case meaningless everywhere after it.
    for (EndingReport& r : out) {
        r.technical.min_unbounded = r.reachable && technical.range.worst_unbounded;
        r.personal.min_unbounded = r.reachable && personal.range.worst_unbounded;
    }
    return out;
}

// --- say-no search ---------------------------------------------------------------------

SayNoCheck search_say_no(const Scenario& s, const StateGraph& g, int64_t best_technical, int64_t best_personal,
                         size_t pair_limit) {
    SayNoCheck out;
    out.applies = true;
    if (g.states.empty()) return out;
    // The technical total so far lies between the worst and best arrival at each
    // state, so the pairs (state, total) can be numbered without hashing.
    const StateGraph back = reversed_graph(g);
    const NeedPlan arrival = plan_need(back, Need::technical);
    if (arrival.range.worst_unbounded || arrival.range.best_unbounded) return out;
    const size_t n = g.states.size();
    std::vector<size_t> base(n + 1, 0);
    for (size_t st = 0; st < n; ++st) {
        auto width = static_cast<size_t>(arrival.best[st] - arrival.worst[st] + 1);
        base[st + 1] = base[st] + width;
        if (base[st + 1] > pair_limit * 2) return out;  // even the numbering would be too big
    }
    std::vector<int> id(base[n], -1);
    struct Pair {
        int state;
        int64_t technical;
    };
    std::vector<Pair> pairs;
    auto slot = [&](int st, int64_t t) { return base[static_cast<size_t>(st)] + static_cast<size_t>(t - arrival.worst[static_cast<size_t>(st)]); };

    StateGraph pg;  // the graph over pairs; plan_need maximises its "technical" weight = personal points
    pairs.push_back({0, 0});
    id[slot(0, 0)] = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (pairs.size() > pair_limit) return out;
        pg.edge_begin.push_back(static_cast<uint32_t>(pg.edges.size()));
        const Pair here = pairs[i];
        for (const StateEdge& e : g.edges_of(static_cast<size_t>(here.state))) {
            const int64_t t = here.technical + e.technical;
            StateEdge move = e;
            move.technical = e.personal;
            if (e.to < 0) {
                // Only endings that miss the technical pass mark count.
                if (percent_of_best(t, best_technical) >= s.pass.technical) continue;
            } else {
                size_t at = slot(e.to, t);
                if (id[at] < 0) {
                    id[at] = static_cast<int>(pairs.size());
                    pairs.push_back({e.to, t});
                }
                move.to = id[at];
            }
            pg.edges.push_back(move);
        }
    }
    pg.edge_begin.push_back(static_cast<uint32_t>(pg.edges.size()));
    pg.states.resize(pairs.size());
    out.checked = true;
    const NeedPlan plan = plan_need(pg, Need::technical);
    if (plan.range.best == unreachable_score) return out;
    out.path = summarise_path(s, follow_plan(pg, plan.best_edge), best_technical, best_personal);
    out.best_personal_percent = percent_of_best(plan.range.best, best_personal);
    return out;
}

}  // namespace frontline::authoring_detail
