#include "author_map.hpp"

#include "frontline/lint.hpp"

#include <algorithm>
#include <deque>

namespace frontline::game {

int AuthorMap::box_of(Target t) const {
    for (size_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].target == t) return static_cast<int>(i);
    return -1;
}

AuthorMap build_author_map(const Scenario& s) {
    AuthorMap m;
    const int n = static_cast<int>(s.nodes.size());
    // BFS over the node graph; conditions are ignored, so a column is "at most
    // this many turns in", which is how authors think of their outline.
    std::vector<int> depth(static_cast<size_t>(n), -1);
    std::vector<int> order;
    std::deque<int> queue;
    if (s.start >= 0 && s.start < n) {
        depth[static_cast<size_t>(s.start)] = 0;
        queue.push_back(s.start);
    }
    while (!queue.empty()) {
        int at = queue.front();
        queue.pop_front();
        order.push_back(at);
        for (const Choice& c : s.node(at).choices) {
            if (c.next.is_ending() || c.next.index < 0) continue;
            if (depth[static_cast<size_t>(c.next.index)] >= 0) continue;
            depth[static_cast<size_t>(c.next.index)] = depth[static_cast<size_t>(at)] + 1;
            queue.push_back(c.next.index);
        }
    }
    int deepest = 0;
    for (int d : depth) deepest = std::max(deepest, d);
    bool any_unreachable = false;
    for (int i = 0; i < n; ++i)
        if (depth[static_cast<size_t>(i)] < 0) {
            order.push_back(i);
            any_unreachable = true;
        }
    const int unreachable_layer = deepest + 1;
    const int ending_layer = deepest + (any_unreachable ? 2 : 1);
    std::vector<int> rows(static_cast<size_t>(ending_layer + 1), 0);
    for (int i : order) {
        MapBox b;
        b.target = {Target::Kind::node, i};
        b.reachable = depth[static_cast<size_t>(i)] >= 0;
        b.layer = b.reachable ? depth[static_cast<size_t>(i)] : unreachable_layer;
        b.row = rows[static_cast<size_t>(b.layer)]++;
        m.boxes.push_back(b);
    }
    for (int e = 0; e < static_cast<int>(s.endings.size()); ++e) {
        MapBox b;
        b.target = {Target::Kind::ending, e};
        b.layer = ending_layer;
        b.row = rows[static_cast<size_t>(ending_layer)]++;
        m.boxes.push_back(b);
    }
    m.layers = ending_layer + 1;
    m.max_rows = *std::max_element(rows.begin(), rows.end());

    for (int i = 0; i < n; ++i) {
        int from = m.box_of({Target::Kind::node, i});
        for (const Choice& c : s.node(i).choices) {
            int to = m.box_of(c.next);
            if (to < 0) continue;
            bool seen = std::any_of(m.edges.begin(), m.edges.end(), [&](const MapEdge& e) { return e.from == from && e.to == to; });
            if (!seen) m.edges.push_back({from, to, false});
        }
    }

    // The best path on both needs, from the lint's exploration of every state.
    DiagnosticList ignored;
    LintReport report = lint_scenario(s, ignored);
    if (report.best_path.found) {
        CallState st = initial_state(s);
        for (int c : report.best_path.choices) {
            if (st.node < 0) break;
            int from = m.box_of({Target::Kind::node, st.node});
            m.boxes[static_cast<size_t>(from)].on_best_path = true;
            st = apply_choice(s, st, c);
            int to = st.ended() ? m.box_of({Target::Kind::ending, st.ending}) : m.box_of({Target::Kind::node, st.node});
            if (to >= 0) m.boxes[static_cast<size_t>(to)].on_best_path = true;
            for (MapEdge& e : m.edges)
                if (e.from == from && e.to == to) e.on_best_path = true;
        }
    }
    return m;
}

int current_box(const AuthorMap& m, const Scenario& s, const Runner* runner) {
    if (!runner) return m.box_of({Target::Kind::node, s.start});
    const CallState& st = runner->state();
    return st.ended() ? m.box_of({Target::Kind::ending, st.ending}) : m.box_of({Target::Kind::node, st.node});
}

PlaytestStart default_playtest(const Scenario& s, int node) {
    CallState st = initial_state(s);
    return {node, st.vars, st.mood};
}

std::optional<CallState> playtest_state(const Scenario& s, const PlaytestStart& p) {
    if (p.node < 0 || p.node >= static_cast<int>(s.nodes.size()) || p.vars.size() != s.vars.size()) return std::nullopt;
    CallState st = initial_state(s);
    st.node = p.node;
    st.vars = p.vars;
    // Booleans are 0/1 whatever the form sent; mood stays in its 0..100 range.
    for (size_t i = 0; i < s.vars.size(); ++i)
        if (s.vars[i].type == ValueType::boolean) st.vars[i] = st.vars[i] != 0;
    st.mood = std::clamp(p.mood, 0, 100);
    return st;
}

}  // namespace frontline::game
