// The check pass. First names and structure (cheap, always), then the state
// exploration (only when the structure is sound, since it runs the scenario).
#include "frontline/check.hpp"
#include "frontline/line_ids.hpp"

#include <algorithm>
#include <unordered_map>

namespace frontline {

namespace {

std::vector<std::string> all_ids(const Scenario& s) {
    std::vector<std::string> ids;
    for (const auto& n : s.nodes) ids.push_back(n.id);
    for (const auto& e : s.endings) ids.push_back(e.id);
    return ids;
}

void check_structure(Scenario& s, DiagnosticList& diags) {
    const std::vector<std::string> ids = all_ids(s);
    // Name lookup by hash: a 10,000-node scenario must not cost nodes x choices compares.
    std::unordered_map<std::string_view, Target> by_name;
    for (size_t i = 0; i < s.nodes.size(); ++i) by_name.emplace(s.nodes[i].id, Target{Target::Kind::node, static_cast<int>(i)});
    for (size_t i = 0; i < s.endings.size(); ++i) by_name.emplace(s.endings[i].id, Target{Target::Kind::ending, static_cast<int>(i)});
    auto resolve = [&](const std::string& name) {
        auto it = by_name.find(name);
        return it == by_name.end() ? Target{Target::Kind::node, -1} : it->second;
    };
    std::vector<std::string> node_ids, ending_ids;
    for (const auto& n : s.nodes) node_ids.push_back(n.id);
    for (const auto& e : s.endings) ending_ids.push_back(e.id);

    if (!s.start_name.empty()) {
        s.start = s.find_node(s.start_name);
        if (s.start < 0) {
            if (s.find_ending(s.start_name) >= 0)
                diags.error(codes::names_nothing, s.start_pos,
                            "'start' must name a node, but '" + s.start_name + "' is an ending");
            else
                diags.error(codes::names_nothing, s.start_pos,
                            "'start' names '" + s.start_name + "', which is not a node" +
                                diags.did_you_mean(s.start_name, node_ids));
        }
    }

    for (const auto& e : s.endings)
        if (auto t = resolve(e.id); t.index >= 0 && !t.is_ending())
            diags.error(codes::duplicate_id, e.pos, "'" + e.id + "' is both a node and an ending; ids must be unique");

    if (s.nodes.empty() && !s.start_name.empty())
        diags.error(codes::missing_key, s.start_pos, "the scenario has no nodes");
    if (s.endings.empty())
        diags.error(codes::missing_key, s.id_pos, "the scenario has no endings; add at least one under 'endings:'");

    for (auto& node : s.nodes) {
        if (node.choices.empty())
            diags.error(
                codes::no_choices, node.pos,
                "node '" + node.id + "' has no choices; give it choices, or make it an ending under 'endings:'");
        if (!node.customer.empty() && !node.customer.back().condition.empty())
            diags.error(
                codes::customer_variants, node.customer.back().pos,
                "the last customer line of '" + node.id +
                    "' has an 'if'; end the list with a line that has no 'if', so the customer always says something");
        for (auto& c : node.choices) {
            if (c.next_name.empty()) continue;  // the reader already reported the missing key
            c.next = resolve(c.next_name);
            if (c.next.index < 0)
                diags.error(codes::names_nothing, c.next_pos,
                            "'next' names '" + c.next_name + "', which is neither a node nor an ending" +
                                diags.did_you_mean(c.next_name, ids));
        }
    }

    if (auto& w = s.customer.walkout; w && !w->ending_name.empty()) {
        w->ending = s.find_ending(w->ending_name);
        if (w->ending < 0)
            diags.error(codes::names_nothing, w->pos,
                        "'walkout.ending' names '" + w->ending_name + "', which is not an ending" +
                            diags.did_you_mean(w->ending_name, ending_ids));
    }

    for (const auto& t : s.tests)
        if (!t.ending.empty() && s.find_ending(t.ending) < 0)
            diags.error(codes::names_nothing, t.ending_pos,
                        "walkthrough '" + t.name + "' expects ending '" + t.ending + "', which is not an ending" +
                            diags.did_you_mean(t.ending, ending_ids));
}

}  // namespace

std::string describe_state(const Scenario& s, const CallState& st) {
    std::string out;
    for (size_t i = 0; i < s.vars.size() && i < st.vars.size(); ++i) {
        out += s.vars[i].name + "=";
        out += s.vars[i].type == ValueType::boolean ? (st.vars[i] ? "true" : "false") : std::to_string(st.vars[i]);
        out += ", ";
    }
    out += "mood=" + std::to_string(st.mood) + ", turn=" + std::to_string(st.turn);
    return out;
}

std::optional<ScoreBounds> check_scenario(Scenario& s, DiagnosticList& diags, const CheckOptions& options) {
    check_structure(s, diags);
    assign_line_ids(s);
    check_line_ids(s, diags);
    if (diags.has_errors()) return std::nullopt;

    StateGraph g = explore_states(s, options.state_limit, options.state_memory_limit);
    if (g.memory_limited) {
        diags.error(codes::state_memory, s.id_pos,
                    "exploring this scenario's reachable situations needs more than " +
                        std::to_string(options.state_memory_limit >> 20) + " MB (each holds " +
                        std::to_string(s.vars.size()) + " variables, " + std::to_string(g.bytes_per_state) +
                        " bytes, and there are more than " + std::to_string(g.states.size()) +
                        "); use fewer variables, or bound the counters that grow in loops");
        return std::nullopt;
    }
    if (!g.complete) {
        diags.error(codes::too_many_states, s.id_pos,
                    "the scenario has more than " + std::to_string(options.state_limit) +
                        " reachable situations (node, variables and mood), too many to score; "
                        "bound counters that grow in loops");
        return std::nullopt;
    }

    std::vector<bool> node_seen(s.nodes.size(), false), ending_seen(s.endings.size(), false);
    std::vector<bool> stuck_reported(s.nodes.size(), false), trap_reported(s.nodes.size(), false);
    const std::vector<bool> finishes = can_finish(g);
    for (size_t i = 0; i < g.states.size(); ++i) {
        const CallState& st = g.states[i];
        const auto node = static_cast<size_t>(st.node);
        node_seen[node] = true;
        auto edges = g.edges_of(i);
        for (const StateEdge& e : edges)
            if (e.to < 0) ending_seen[static_cast<size_t>(e.ending)] = true;
        if (edges.empty() && !stuck_reported[node]) {
            stuck_reported[node] = true;
            diags.error(codes::no_choice_available, s.nodes[node].pos,
                        "node '" + s.nodes[node].id + "' can be reached with no choice available (when " +
                            describe_state(s, st) + "); add a choice without 'if'");
        } else if (!edges.empty() && !finishes[i] && !trap_reported[node] && i != 0) {
            trap_reported[node] = true;
            diags.warning(codes::no_way_out, s.nodes[node].pos,
                          "from node '" + s.nodes[node].id + "' (when " + describe_state(s, st) +
                              ") no ending can be reached: the call can go round forever");
        }
    }
    if (!finishes[0]) {
        diags.error(codes::no_ending_reachable, s.start_pos, "no ending can be reached from 'start'");
        return std::nullopt;
    }
    for (size_t i = 0; i < s.nodes.size(); ++i)
        if (!node_seen[i])
            diags.warning(codes::unreachable_node, s.nodes[i].pos, "node '" + s.nodes[i].id + "' can never be reached");
    for (size_t i = 0; i < s.endings.size(); ++i)
        if (!ending_seen[i])
            diags.warning(codes::unreachable_ending, s.endings[i].pos,
                          "ending '" + s.endings[i].id + "' can never be reached");

    ScoreBounds bounds;
    bounds.states = g.states.size();
    const auto plans = plan_needs(g);
    for (Need need : {Need::technical, Need::personal}) {
        const NeedPlan& plan = plans[static_cast<size_t>(need)];
        const char* name = need == Need::technical ? "technical" : "personal";
        if (plan.range.best_unbounded) {
            SourcePos at = s.id_pos;
            if (plan.range.loop_choice_node >= 0)
                at = s.node(plan.range.loop_choice_node).choice(plan.range.loop_choice).pos;
            diags.error(codes::farming_loop, at,
                        std::string("this choice is on a loop that can raise the ") + name +
                            " score without limit; guard it with a variable so it can be taken only once");
            continue;
        }
        (need == Need::technical ? bounds.best_technical : bounds.best_personal) = plan.range.best;
        (need == Need::technical ? bounds.worst_technical : bounds.worst_personal) = plan.range.worst;
    }
    if (diags.has_errors()) return std::nullopt;
    bounds.full_technical = s.full_marks.technical.value_or(bounds.best_technical);
    bounds.full_personal = s.full_marks.personal.value_or(bounds.best_personal);
    return bounds;
}

}  // namespace frontline
