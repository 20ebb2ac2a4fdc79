// State exploration and per-need planning.
// Sections: the state key table, explore_states (BFS), strongly connected
// components (iterative Tarjan), plan_need (condensation DP + Bellman-Ford in loops).
#include "frontline/analysis.hpp"

#include <algorithm>
#include <span>

namespace frontline {

namespace {

// --- state keys ----------------------------------------------------------------
// A state is identified by the values that can change what happens next. The
// meters, the turn count and each variable only matter when an expression reads
// them; leaving them out otherwise keeps loops finite and the table small (a file
// with 4,000 variables that nothing reads costs no more than one without them).
// Whatever apply_choice() changes and an expression can read must be in the key,
// or states that behave differently would merge.
struct KeyLayout {
    bool turn = false, scores = false;
    std::vector<int> vars;  ///< the variable slots some expression reads
    size_t width = 0;
};

class StateTable {
public:
    explicit StateTable(size_t width) : width_(width) { slots_.assign(1024, -1); }

    /// Index of the key, inserting it as `next_index` if new. Returns {index, inserted}.
    std::pair<int, bool> find_or_insert(const int64_t* key, int next_index) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        size_t mask = slots_.size() - 1;
        for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            int at = slots_[i];
            if (at < 0) {
                slots_[i] = next_index;
                keys_.insert(keys_.end(), key, key + width_);
                ++count_;
                return {next_index, true};
            }
            if (std::equal(key, key + width_, keys_.data() + static_cast<size_t>(at) * width_)) return {at, false};
        }
    }

    /// Index of the key, or -1.
    int find(const int64_t* key) const {
        size_t mask = slots_.size() - 1;
        for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            int at = slots_[i];
            if (at < 0) return -1;
            if (std::equal(key, key + width_, keys_.data() + static_cast<size_t>(at) * width_)) return at;
        }
    }

private:
    uint64_t hash(const int64_t* key) const {
        uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (size_t i = 0; i < width_; ++i) {
            h ^= static_cast<uint64_t>(key[i]) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        }
        h ^= h >> 31;
        h *= 0xbf58476d1ce4e5b9ULL;
        return h ^ (h >> 29);
    }
    void grow() {
        std::vector<int> old(slots_.size() * 2, -1);
        old.swap(slots_);
        size_t mask = slots_.size() - 1;
        for (int at : old) {
            if (at < 0) continue;
            size_t i = hash(keys_.data() + static_cast<size_t>(at) * width_) & mask;
            while (slots_[i] >= 0) i = (i + 1) & mask;
            slots_[i] = at;
        }
    }
    size_t width_;
    size_t count_ = 0;
    std::vector<int> slots_;
    std::vector<int64_t> keys_;
};

/// The key must hold every field of CallState that decides what happens next: a field
/// left out would silently merge states that differ. This binding names every field,
/// so adding one to CallState stops it compiling until the key is updated here too.
/// (ending and walked_out are left out on purpose: an ended call is never keyed, its
/// edge records the ending instead.)
void make_key(const CallState& st, const KeyLayout& layout, std::vector<int64_t>& key) {
    [[maybe_unused]] const auto& [node, ending, vars, mood, technical, personal, turn, walked_out] = st;
    key.clear();
    key.push_back(st.node);
    key.push_back(st.mood);
    if (layout.scores) {
        key.push_back(st.technical);
        key.push_back(st.personal);
    }
    if (layout.turn) key.push_back(st.turn);
    for (int v : layout.vars) key.push_back(st.vars[static_cast<size_t>(v)]);
}

/// The variable slots read by any condition (choices, customer lines) or `set` value.
std::vector<int> variables_read(const Scenario& s) {
    std::vector<bool> read(s.vars.size(), false);
    auto note = [&](const Expression& e) {
        for (int v : e.vars_read())
            if (v >= 0 && static_cast<size_t>(v) < read.size()) read[static_cast<size_t>(v)] = true;
    };
    for (const Node& n : s.nodes) {
        for (const auto& line : n.customer) note(line.condition);
        for (const Choice& c : n.choices) {
            note(c.condition);
            for (const auto& a : c.set) note(a.value);
        }
    }
    std::vector<int> out;
    for (size_t i = 0; i < read.size(); ++i)
        if (read[i]) out.push_back(static_cast<int>(i));
    return out;
}

bool scenario_reads(const Scenario& s, Builtin b) {
    auto reads = [b](const Expression& e) { return !e.empty() && e.reads_builtin(b); };
    for (const Node& n : s.nodes) {
        for (const auto& line : n.customer)
            if (reads(line.condition)) return true;
        for (const Choice& c : n.choices) {
            if (reads(c.condition)) return true;
            for (const auto& a : c.set)
                if (reads(a.value)) return true;
        }
    }
    return false;
}

}  // namespace

StateGraph explore_states(const Scenario& s, size_t state_limit, size_t memory_limit) {
    if (s.start < 0) return explore_states_from(s, CallState{}, state_limit, memory_limit);
    return explore_states_from(s, initial_state(s), state_limit, memory_limit);
}

StateGraph explore_states_from(const Scenario& s, const CallState& start, size_t state_limit, size_t memory_limit) {
    StateGraph g;
    KeyLayout layout;
    // Customer-line variants never change the path, but reading turn or the
    // meters anywhere makes them part of the state.
    layout.turn = g.reads_turn = scenario_reads(s, Builtin::turn);
    layout.scores = g.reads_scores = scenario_reads(s, Builtin::technical) || scenario_reads(s, Builtin::personal);
    g.keeps_mood = true;
    layout.vars = variables_read(s);
    layout.width = 2 + (layout.scores ? 2 : 0) + (layout.turn ? 1 : 0) + layout.vars.size();
    // A state costs its CallState (with every variable), its key and about four hash slots.
    g.bytes_per_state = sizeof(CallState) + start.vars.size() * sizeof(Value) + layout.width * sizeof(int64_t) +
                        4 * sizeof(int) + sizeof(uint32_t);
    size_t bytes = 0;

    if (start.node < 0 || start.ended()) {
        g.edge_begin.push_back(0);
        return g;
    }
    StateTable table(layout.width);
    std::vector<int64_t> key;
    key.reserve(layout.width);

    g.states.push_back(start);
    make_key(g.states[0], layout, key);
    table.find_or_insert(key.data(), 0);

    for (size_t i = 0; i < g.states.size(); ++i) {
        g.edge_begin.push_back(static_cast<uint32_t>(g.edges.size()));
        // Copy: push_back below may reallocate the states vector.
        const CallState here = g.states[i];
        for (int choice : visible_choices(s, here)) {
            CallState next = apply_choice(s, here, choice);
            const Choice& c = s.node(here.node).choice(choice);
            StateEdge e;
            e.choice = choice;
            e.technical = c.technical;
            e.personal = c.personal;
            e.mood_after = next.mood;
            if (next.ended()) {
                e.ending = next.ending;
            } else {
                make_key(next, layout, key);
                const bool memory_full = bytes + g.bytes_per_state > memory_limit;
                if (memory_full && g.states.size() < state_limit && table.find(key.data()) < 0) {
                    // Out of memory budget: every caller refuses an incomplete graph, and
                    // walking the states already queued would only spend the time the
                    // budget is there to save (a 4,000-variable file took 2.6 s doing it).
                    g.complete = false;
                    g.memory_limited = true;
                    while (g.edge_begin.size() <= g.states.size())
                        g.edge_begin.push_back(static_cast<uint32_t>(g.edges.size()));
                    return g;
                }
                if (g.states.size() >= state_limit || memory_full) {
                    // Past the limit only already-known states may be linked.
                    int index = table.find(key.data());
                    if (index < 0) {
                        g.complete = false;
                        continue;
                    }
                    e.to = index;
                } else {
                    auto [index, inserted] = table.find_or_insert(key.data(), static_cast<int>(g.states.size()));
                    if (inserted) {
                        g.states.push_back(std::move(next));
                        bytes += g.bytes_per_state;
                    }
                    e.to = index;
                }
            }
            g.edges.push_back(e);
            bytes += sizeof(StateEdge);
        }
    }
    g.edge_begin.push_back(static_cast<uint32_t>(g.edges.size()));
    return g;
}

namespace {

/// Strongly connected components, iteratively (a 10,000-node chain must not
/// overflow the call stack). Components come out sinks first.
struct Components {
    std::vector<int> of;          ///< component per state
    std::vector<int> members;     ///< states grouped by component, sinks first
    std::vector<uint32_t> begin;  ///< component c is members[begin[c] .. begin[c+1])
    size_t count() const { return begin.size() - 1; }
    std::span<const int> operator[](size_t c) const { return {members.data() + begin[c], members.data() + begin[c + 1]}; }
};

Components strongly_connected(const StateGraph& g) {
    const int n = static_cast<int>(g.states.size());
    Components out;
    out.of.assign(static_cast<size_t>(n), -1);
    out.begin.push_back(0);
    out.members.reserve(static_cast<size_t>(n));
    std::vector<int> index(static_cast<size_t>(n), -1), low(static_cast<size_t>(n), 0);
    std::vector<bool> on_stack(static_cast<size_t>(n), false);
    std::vector<int> stack;
    struct Frame { int state; uint32_t edge; };
    std::vector<Frame> call;
    int counter = 0;
    for (int root = 0; root < n; ++root) {
        if (index[static_cast<size_t>(root)] >= 0) continue;
        call.push_back({root, g.edge_begin[static_cast<size_t>(root)]});
        index[static_cast<size_t>(root)] = low[static_cast<size_t>(root)] = counter++;
        stack.push_back(root);
        on_stack[static_cast<size_t>(root)] = true;
        while (!call.empty()) {
            Frame& f = call.back();
            const auto v = static_cast<size_t>(f.state);
            if (f.edge < g.edge_begin[v + 1]) {
                int w = g.edges[f.edge++].to;
                if (w < 0) continue;
                const auto wi = static_cast<size_t>(w);
                if (index[wi] < 0) {
                    index[wi] = low[wi] = counter++;
                    stack.push_back(w);
                    on_stack[wi] = true;
                    call.push_back({w, g.edge_begin[wi]});
                } else if (on_stack[wi]) {
                    low[v] = std::min(low[v], index[wi]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[static_cast<size_t>(w)] = false;
                    out.of[static_cast<size_t>(w)] = static_cast<int>(out.begin.size()) - 1;
                    out.members.push_back(w);
                } while (w != f.state);
                out.begin.push_back(static_cast<uint32_t>(out.members.size()));
            }
            int finished = f.state;
            call.pop_back();
            if (!call.empty()) {
                auto parent = static_cast<size_t>(call.back().state);
                low[parent] = std::min(low[parent], low[static_cast<size_t>(finished)]);
            }
        }
    }
    return out;
}

/// Longest (sign = +1) or shortest (sign = -1) total of one need to any ending.
/// Works on sign * weight so one routine serves both.
bool optimise(const StateGraph& g, const Components& comps, Need need, int sign, std::vector<int64_t>& value,
              std::vector<int32_t>& via, int& loop_edge) {
    const size_t n = g.states.size();
    value.assign(n, unreachable_score);
    via.assign(n, -1);
    // Ties go to the shorter path: the plan a trainer would show is the direct one.
    std::vector<int32_t> steps(n, 0);
    bool unbounded = false;
    auto weight = [&](const StateEdge& e) -> int64_t {
        return sign * static_cast<int64_t>(need == Need::technical ? e.technical : e.personal);
    };
    // Relaxes state s over edges that satisfy `use`; returns true if it improved.
    auto relax = [&](size_t s, auto use) {
        bool improved = false;
        for (uint32_t ei = g.edge_begin[s]; ei < g.edge_begin[s + 1]; ++ei) {
            const StateEdge& e = g.edges[ei];
            if (!use(e)) continue;
            int64_t rest = e.to < 0 ? 0 : value[static_cast<size_t>(e.to)];
            if (rest == unreachable_score) continue;
            int64_t candidate = weight(e) + rest;
            int32_t length = 1 + (e.to < 0 ? 0 : steps[static_cast<size_t>(e.to)]);
            if (candidate > value[s] || (candidate == value[s] && length < steps[s])) {
                value[s] = candidate;
                via[s] = static_cast<int32_t>(ei);
                steps[s] = length;
                improved = true;
            }
        }
        return improved;
    };
    for (size_t c = 0; c < comps.count(); ++c) {
        const auto members = comps[c];
        auto leaves = [&](const StateEdge& e) { return e.to < 0 || comps.of[static_cast<size_t>(e.to)] != static_cast<int>(c); };
        auto inside = [&](const StateEdge& e) { return e.to >= 0 && comps.of[static_cast<size_t>(e.to)] == static_cast<int>(c); };
        for (int s : members) relax(static_cast<size_t>(s), leaves);
        bool has_inner = false;
        for (int s : members)
            for (const StateEdge& e : g.edges_of(static_cast<size_t>(s)))
                if (inside(e)) has_inner = true;
        if (!has_inner) continue;
        // A loop: Bellman-Ford inside the component. Still improving after
        // |members| rounds means a cycle that keeps adding points.
        bool changed = true;
        for (size_t round = 0; changed && round <= members.size(); ++round) {
            changed = false;
            for (int s : members) changed |= relax(static_cast<size_t>(s), inside);
            if (changed && round == members.size()) {
                unbounded = true;
                for (int s : members)
                    for (uint32_t ei = g.edge_begin[static_cast<size_t>(s)]; ei < g.edge_begin[static_cast<size_t>(s) + 1]; ++ei)
                        if (inside(g.edges[ei]) && weight(g.edges[ei]) > 0 && loop_edge < 0) loop_edge = static_cast<int>(ei);
                // Stop the plan from following the loop forever.
                for (int s : members) via[static_cast<size_t>(s)] = -1;
            }
        }
    }
    return unbounded;
}

int state_of_edge(const StateGraph& g, int edge) {
    auto it = std::upper_bound(g.edge_begin.begin(), g.edge_begin.end(), static_cast<uint32_t>(edge));
    return static_cast<int>(it - g.edge_begin.begin()) - 1;
}

NeedPlan plan_with(const StateGraph& g, const Components& comps, Need need) {
    NeedPlan plan;
    int loop_best = -1, loop_worst = -1;
    plan.range.best_unbounded = optimise(g, comps, need, +1, plan.best, plan.best_edge, loop_best);
    plan.range.worst_unbounded = optimise(g, comps, need, -1, plan.worst, plan.worst_edge, loop_worst);
    for (auto& w : plan.worst)
        if (w != unreachable_score) w = -w;
    plan.range.best = plan.best[0];
    plan.range.worst = plan.worst[0];
    if (loop_best >= 0) {
        int st = state_of_edge(g, loop_best);
        plan.range.loop_choice_node = g.states[static_cast<size_t>(st)].node;
        plan.range.loop_choice = g.edges[static_cast<size_t>(loop_best)].choice;
    }
    return plan;
}

}  // namespace

NeedPlan plan_need(const StateGraph& g, Need need) {
    if (g.states.empty()) return {};
    return plan_with(g, strongly_connected(g), need);
}

std::array<NeedPlan, 2> plan_needs(const StateGraph& g) {
    if (g.states.empty()) return {};
    // One condensation serves both needs.
    Components comps = strongly_connected(g);
    return {plan_with(g, comps, Need::technical), plan_with(g, comps, Need::personal)};
}

std::vector<bool> can_finish(const StateGraph& g) {
    const size_t n = g.states.size();
    std::vector<std::vector<int>> into(n);
    std::vector<bool> done(n, false);
    std::vector<int> work;
    for (size_t s = 0; s < n; ++s) {
        for (const StateEdge& e : g.edges_of(s)) {
            if (e.to < 0) {
                if (!done[s]) {
                    done[s] = true;
                    work.push_back(static_cast<int>(s));
                }
            } else {
                into[static_cast<size_t>(e.to)].push_back(static_cast<int>(s));
            }
        }
    }
    while (!work.empty()) {
        int s = work.back();
        work.pop_back();
        for (int p : into[static_cast<size_t>(s)]) {
            if (!done[static_cast<size_t>(p)]) {
                done[static_cast<size_t>(p)] = true;
                work.push_back(p);
            }
        }
    }
    return done;
}

std::vector<int> follow_plan(const StateGraph& g, const std::vector<int32_t>& plan_edges) {
    std::vector<int> path;
    if (g.states.empty()) return path;
    int state = 0;
    // Bounded by the number of states: a plan never needs to revisit one.
    for (size_t guard = 0; guard <= g.states.size(); ++guard) {
        int32_t ei = plan_edges[static_cast<size_t>(state)];
        if (ei < 0) break;
        const StateEdge& e = g.edges[static_cast<size_t>(ei)];
        path.push_back(e.choice);
        if (e.to < 0) break;
        state = e.to;
    }
    return path;
}

}  // namespace frontline
