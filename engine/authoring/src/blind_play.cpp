// Blind play. Sections: the rules, random sampling, length bias, quadrants at endings.
#include "blind_play.hpp"

#include "path_analysis.hpp"

#include "frontline/choice_order.hpp"
#include "frontline/runner.hpp"
#include "frontline/scoring.hpp"

#include <unordered_set>

namespace frontline::authoring_detail {

size_t character_count(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // count every byte that starts a character
    return n;
}

// --- the rules ------------------------------------------------------------------------

namespace {

/// The choice a blind rule picks among `visible` (node indices, author's order). Ties on
/// length go to the one listed first, as a skimming eye would.
int pick(const Node& node, const std::vector<int>& visible, BlindRule rule) {
    switch (rule) {
        case BlindRule::first_listed: return visible.front();
        case BlindRule::last_listed: return visible.back();
        case BlindRule::longest:
        case BlindRule::shortest: {
            int chosen = visible.front();
            size_t chosen_length = character_count(node.choice(chosen).say);
            for (int c : visible) {
                const size_t length = character_count(node.choice(c).say);
                if (rule == BlindRule::longest ? length > chosen_length : length < chosen_length) {
                    chosen = c;
                    chosen_length = length;
                }
            }
            return chosen;
        }
    }
    return visible.front();
}

}  // namespace

BlindProbe play_blind(const Scenario& s, const ScoreBounds& bounds, BlindRule rule, size_t turn_cap) {
    BlindProbe probe;
    probe.rule = rule;
    Runner run(s);
    for (size_t turn = 0; !run.finished() && turn < turn_cap; ++turn) {
        const std::vector<int> visible = run.choices();
        if (visible.empty()) break;  // a stuck call; check reports it (FL042)
        run.choose(pick(*run.node(), visible, rule));
    }
    probe.finished = run.finished();
    probe.path = summarise_path(s, run.path(), bounds.full_technical, bounds.full_personal);
    probe.quadrant = score_attempt(s, bounds, run).quadrant;
    return probe;
}

// --- random play ----------------------------------------------------------------------

RandomProbe sample_random_play(const Scenario& s, const ScoreBounds& bounds, size_t calls, size_t turn_budget,
                               uint64_t seed) {
    RandomProbe out;
    out.seed = seed;
    uint64_t stream = seed;
    size_t turns_left = turn_budget;
    double technical = 0, personal = 0;
    std::array<size_t, quadrant_count> quadrants{};
    for (size_t i = 0; i < calls && turns_left > 0; ++i) {
        Runner run(s);
        while (!run.finished() && turns_left > 0) {
            const std::vector<int> visible = run.choices();
            if (visible.empty()) break;
            run.choose(visible[static_cast<size_t>(splitmix64_next(stream) % visible.size())]);
            --turns_left;
        }
        if (!run.finished()) continue;  // cut off by the budget (or stuck): not a call that ended
        const AttemptScore score = score_attempt(s, bounds, run);
        technical += score.technical_percent;
        personal += score.personal_percent;
        ++quadrants[static_cast<size_t>(score.quadrant)];
        ++out.calls;
    }
    if (out.calls == 0) return out;
    const auto n = static_cast<double>(out.calls);
    out.technical_percent = technical / n;
    out.personal_percent = personal / n;
    for (size_t q = 0; q < quadrants.size(); ++q) out.quadrant_share[q] = static_cast<double>(quadrants[q]) / n;
    return out;
}

// --- length bias ----------------------------------------------------------------------

LengthBias measure_length_bias(const Scenario& s, const StateGraph& g, const std::vector<int32_t>& best_edge) {
    LengthBias out;
    std::vector<bool> counted(s.nodes.size(), false);
    for (size_t st = 0; st < g.states.size(); ++st) {
        const auto moves = g.edges_of(st);
        const int node_index = g.states[st].node;
        if (moves.size() < 2 || node_index < 0 || counted[static_cast<size_t>(node_index)] || best_edge[st] < 0) continue;
        counted[static_cast<size_t>(node_index)] = true;
        const Node& node = s.node(node_index);
        const int best = g.edges[static_cast<size_t>(best_edge[st])].choice;
        const size_t best_length = character_count(node.choice(best).say);
        bool longest = true, cold_efficient = false;
        for (const StateEdge& e : moves) {
            const Choice& c = node.choice(e.choice);
            if (e.choice != best && character_count(c.say) > best_length) longest = false;
            if (c.technical > 0 && c.personal < 0) cold_efficient = true;
        }
        ++out.choice_points;
        out.best_is_longest += longest;
        out.cold_efficient += cold_efficient;
    }
    return out;
}

// --- quadrants at endings -------------------------------------------------------------

EndingQuadrants quadrants_at_endings(const Scenario& s, const StateGraph& g, const ScoreBounds& bounds,
                                     size_t triple_limit) {
    EndingQuadrants out;
    out.reached.assign(s.endings.size(), 0);
    if (g.states.empty()) return out;
    struct Triple {
        int state;
        int64_t technical, personal;
        bool operator==(const Triple&) const = default;
    };
    struct TripleHash {
        size_t operator()(const Triple& t) const {
            uint64_t h = static_cast<uint64_t>(t.state) * 0x9e3779b97f4a7c15ULL;
            h ^= static_cast<uint64_t>(t.technical) + 0x7f4a7c15ULL + (h << 6) + (h >> 2);
            h ^= static_cast<uint64_t>(t.personal) + 0x94d049bbULL + (h << 6) + (h >> 2);
            return static_cast<size_t>(h);
        }
    };
    std::unordered_set<Triple, TripleHash> seen;
    std::vector<Triple> queue{{0, 0, 0}};
    seen.insert(queue.front());
    for (size_t i = 0; i < queue.size(); ++i) {
        if (queue.size() > triple_limit) return out;
        const Triple here = queue[i];
        for (const StateEdge& e : g.edges_of(static_cast<size_t>(here.state))) {
            const int64_t t = here.technical + e.technical, p = here.personal + e.personal;
            if (e.to < 0) {
                const bool technical_met = need_percent(bounds, Need::technical, t) >= s.pass.technical;
                const bool personal_met = need_percent(bounds, Need::personal, p) >= s.pass.personal;
                out.reached[static_cast<size_t>(e.ending)] |= static_cast<uint8_t>(1u << static_cast<int>(quadrant_for(technical_met, personal_met)));
                continue;
            }
            const Triple next{e.to, t, p};
            if (seen.insert(next).second) queue.push_back(next);
        }
    }
    out.checked = true;
    return out;
}

}  // namespace frontline::authoring_detail
