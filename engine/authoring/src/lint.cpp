// lint_scenario. Sections: static checks (variables, feedback), what each reachable
// situation shows (dead and always-true `if`s, hidden customer lines), what each
// move is worth (dominated choices, trade-offs), then paths and the say-no check.
#include "frontline/lint.hpp"

#include "blind_play.hpp"
#include "choice_text.hpp"
#include "path_analysis.hpp"

#include "frontline/runner.hpp"
#include "frontline/scoring.hpp"

#include <algorithm>

namespace frontline {

using namespace authoring_detail;

namespace {

// --- static checks -------------------------------------------------------------------

void check_variables(const Scenario& s, DiagnosticList& diags) {
    std::vector<bool> read(s.vars.size(), false), written(s.vars.size(), false);
    auto mark_read = [&](const Expression& e, int except) {
        if (e.empty()) return;
        for (int v : e.vars_read())
            if (v != except) read[static_cast<size_t>(v)] = true;
    };
    for (const Node& node : s.nodes) {
        for (const CustomerLine& line : node.customer) mark_read(line.condition, -1);
        for (const Choice& c : node.choices) {
            mark_read(c.condition, -1);
            for (const Assignment& a : c.set) {
                written[static_cast<size_t>(a.var)] = true;
                // `count: count + 1` reads count only to change it: that is not a use.
                mark_read(a.value, a.var);
            }
        }
    }
    for (size_t i = 0; i < s.vars.size(); ++i) {
        const Variable& v = s.vars[i];
        if (!read[i] && !written[i])
            diags.warning(codes::unused_variable, v.pos,
                          "variable '" + v.name + "' is never used; remove it or use it in an 'if'");
        else if (!read[i])
            diags.warning(codes::set_never_read, v.pos,
                          "variable '" + v.name +
                              "' is set but never read, so setting it changes nothing; "
                              "use it in an 'if' or remove it");
        else if (!written[i])
            diags.warning(codes::read_never_set, v.pos,
                          "variable '" + v.name +
                              "' is read but never set, so it is always its starting value; "
                              "set it in some choice's 'set:'");
    }
}

void check_feedback(const Scenario& s, DiagnosticList& diags) {
    for (const Node& node : s.nodes)
        for (const Choice& c : node.choices)
            if ((c.technical != 0 || c.personal != 0) && c.feedback.empty())
                diags.warning(codes::no_feedback, c.pos,
                              "this choice scores points but has no 'feedback'; tell the trainee which need it "
                              "served or hurt, and why");
}

// --- what each situation shows ---------------------------------------------------------

/// Per node: how many reachable situations it is in, and per choice and customer
/// line how many of those showed it.
struct Coverage {
    std::vector<size_t> situations;
    std::vector<std::vector<size_t>> choice_shown;
    std::vector<std::vector<size_t>> line_shown;
};

Coverage measure_coverage(const Scenario& s, const StateGraph& g) {
    Coverage cov;
    cov.situations.assign(s.nodes.size(), 0);
    for (const Node& node : s.nodes) {
        cov.choice_shown.emplace_back(node.choices.size(), 0);
        cov.line_shown.emplace_back(node.customer.size(), 0);
    }
    for (size_t st = 0; st < g.states.size(); ++st) {
        const CallState& state = g.states[st];
        const auto node = static_cast<size_t>(state.node);
        ++cov.situations[node];
        for (const StateEdge& e : g.edges_of(st)) ++cov.choice_shown[node][static_cast<size_t>(e.choice)];
        if (const CustomerLine* line = customer_line(s, state))
            ++cov.line_shown[node][static_cast<size_t>(line - s.nodes[node].customer.data())];
    }
    return cov;
}

void check_coverage(const Scenario& s, const Coverage& cov, DiagnosticList& diags) {
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        if (cov.situations[n] == 0) continue;  // check already reports unreachable nodes
        const Node& node = s.nodes[n];
        for (size_t c = 0; c < node.choices.size(); ++c) {
            const Choice& choice = node.choices[c];
            if (choice.condition.empty()) continue;
            SourcePos at = choice.condition_pos.line ? choice.condition_pos : choice.pos;
            if (cov.choice_shown[n][c] == 0)
                diags.warning(codes::condition_never_holds, at,
                              "the 'if' of " + quoted_choice(choice.say) + " never holds when the call reaches '" +
                                  node.id + "', so no trainee ever sees this choice");
            else if (cov.choice_shown[n][c] == cov.situations[n])
                diags.warning(codes::condition_always_holds, at,
                              "the 'if' of " + quoted_choice(choice.say) + " always holds when the call reaches '" +
                                  node.id + "', so it never hides the choice; remove it or check the condition");
        }
        for (size_t l = 0; l < node.customer.size(); ++l)
            if (cov.line_shown[n][l] == 0)
                diags.warning(codes::line_never_shown, node.customer[l].pos,
                              "this customer line of '" + node.id +
                                  "' is never shown: its 'if' never holds, or a line above it always does");
    }
}

// --- what each move is worth ------------------------------------------------------------

/// Value of a move on one need: its points plus the best still reachable after it.
int64_t move_value(const StateEdge& e, int points, const NeedPlan& plan) {
    if (e.to < 0) return points;
    int64_t rest = plan.best[static_cast<size_t>(e.to)];
    return rest == unreachable_score ? unreachable_score : points + rest;
}

/// Pairwise comparison of a node's choices over every situation that shows both.
struct Dominance {
    size_t k = 0;
    std::vector<char> together, never_better, sometimes_worse;  ///< k*k, [a*k+b]: a compared with b
    std::vector<char> always_top;  ///< per choice: best on both needs wherever it is offered
};

void compare_moves(const Scenario& s, const StateGraph& g, const NeedPlan& technical, const NeedPlan& personal,
                   LintReport& report) {
    std::vector<Dominance> dom(s.nodes.size());
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        size_t k = s.nodes[n].choices.size();
        dom[n].k = k;
        dom[n].together.assign(k * k, 0);
        dom[n].never_better.assign(k * k, 1);
        dom[n].sometimes_worse.assign(k * k, 0);
        dom[n].always_top.assign(k, 1);
    }
    std::vector<int> trade_off_at(s.nodes.size(), -1);  ///< index into report.trade_offs
    std::vector<int64_t> vt, vp;
    for (size_t st = 0; st < g.states.size(); ++st) {
        auto edges = g.edges_of(st);
        if (edges.size() < 2) continue;
        const auto n = static_cast<size_t>(g.states[st].node);
        vt.clear();
        vp.clear();
        for (const StateEdge& e : edges) {
            vt.push_back(move_value(e, e.technical, technical));
            vp.push_back(move_value(e, e.personal, personal));
        }
        Dominance& d = dom[n];
        for (size_t a = 0; a < edges.size(); ++a) {
            for (size_t b = 0; b < edges.size(); ++b) {
                if (a == b) continue;
                size_t at = static_cast<size_t>(edges[a].choice) * d.k + static_cast<size_t>(edges[b].choice);
                d.together[at] = 1;
                if (vt[a] > vt[b] || vp[a] > vp[b]) d.never_better[at] = 0;
                if (vt[a] < vt[b] || vp[a] < vp[b]) d.sometimes_worse[at] = 1;
            }
        }
        const int64_t top_t = *std::max_element(vt.begin(), vt.end());
        const int64_t top_p = *std::max_element(vp.begin(), vp.end());
        for (size_t a = 0; a < edges.size(); ++a)
            if (vt[a] != top_t || vp[a] != top_p) d.always_top[static_cast<size_t>(edges[a].choice)] = 0;
        if (top_t == unreachable_score) continue;
        // Trade-off: one move gains on one need what it costs on the other. The
        // strongest kind is when even the best moves for each need differ.
        bool best_differ = true;
        for (size_t a = 0; a < edges.size(); ++a) best_differ &= !(vt[a] == top_t && vp[a] == top_p);
        if (trade_off_at[n] >= 0 && (!best_differ || report.trade_offs[static_cast<size_t>(trade_off_at[n])].best_moves_differ)) continue;
        TradeOff found;
        found.node = static_cast<int>(n);
        if (best_differ) {
            found.best_moves_differ = true;
            found.technical_choice = edges[static_cast<size_t>(std::find(vt.begin(), vt.end(), top_t) - vt.begin())].choice;
            found.personal_choice = edges[static_cast<size_t>(std::find(vp.begin(), vp.end(), top_p) - vp.begin())].choice;
        } else {
            for (size_t a = 0; a < edges.size() && found.technical_choice < 0; ++a)
                for (size_t b = 0; b < edges.size(); ++b)
                    if (vt[a] > vt[b] && vp[a] < vp[b] && vp[a] != unreachable_score) {
                        found.technical_choice = edges[a].choice;
                        found.personal_choice = edges[b].choice;
                        break;
                    }
            if (found.technical_choice < 0) continue;
        }
        if (trade_off_at[n] < 0) {
            trade_off_at[n] = static_cast<int>(report.trade_offs.size());
            report.trade_offs.push_back(found);
        } else {
            report.trade_offs[static_cast<size_t>(trade_off_at[n])] = found;
        }
    }
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        const Dominance& d = dom[n];
        for (size_t a = 0; a < d.k; ++a) {
            for (size_t b = 0; b < d.k; ++b) {
                size_t at = a * d.k + b;
                if (a == b || !d.together[at] || !d.never_better[at] || !d.sometimes_worse[at]) continue;
                // Every answer loses to the best-in-class one by design; what makes a
                // wrong answer pointless is losing on both needs to another wrong answer.
                if (d.always_top[b]) continue;
                report.dominated.push_back({static_cast<int>(n), static_cast<int>(a), static_cast<int>(b)});
                break;  // one sibling is enough to make the point
            }
        }
    }
}

void report_moves(const Scenario& s, const LintReport& report, DiagnosticList& diags) {
    for (const DominatedChoice& d : report.dominated) {
        const Node& node = s.node(d.node);
        const Choice& worse = node.choice(d.choice);
        const Choice& better = node.choice(d.by);
        diags.warning(
            codes::pointless_distractor, worse.pos,
            quoted_choice(worse.say) + " is never better on either need than " + quoted_choice(better.say) +
                ", another imperfect answer (line " + std::to_string(better.pos.line) +
                "), wherever both are offered, so nothing makes it tempting; a good distractor wins on one need "
                "and loses on the other");
    }
    if (report.trade_offs.empty() && !s.nodes.empty())
        diags.warning(codes::no_trade_off, s.id_pos,
                      "no trade-off to learn: no choice ever gains on one need what it costs on the other, so "
                      "the technically best path is the personally best one everywhere; give a tempting choice a cost "
                      "on one need for a gain on the other");
}

// --- paths and teaching checks -----------------------------------------------------------

void find_paths(const Scenario& s, const StateGraph& g, const NeedPlan& technical, const NeedPlan& personal, LintReport& r) {
    const int64_t bt = r.full_technical, bp = r.full_personal;
    // Ties on one need are broken by the other, so "best technical" is the kindest of
    // the technically best paths and "worst technical" the unkindest of the worst.
    auto span = [](const NeedPlan& p) { return std::max<int64_t>(1, p.range.best - p.range.worst + 1); };
    const StateGraph by_technical = combined_graph(g, span(personal), 1);
    const StateGraph by_personal = combined_graph(g, 1, span(technical));
    const NeedPlan t = plan_need(by_technical, Need::technical);
    const NeedPlan p = plan_need(by_personal, Need::technical);
    r.best_technical_path = summarise_path(s, follow_plan(g, t.best_edge), bt, bp);
    r.worst_technical_path = summarise_path(s, follow_plan(g, t.worst_edge), bt, bp);
    r.best_personal_path = summarise_path(s, follow_plan(g, p.best_edge), bt, bp);
    r.worst_personal_path = summarise_path(s, follow_plan(g, p.worst_edge), bt, bp);
    // Equal weight to each need's percentage: technical * bp + personal * bt.
    const StateGraph both = combined_graph(g, std::max<int64_t>(bp, 1), std::max<int64_t>(bt, 1));
    const NeedPlan overall = plan_need(both, Need::technical);
    r.best_path = summarise_path(s, follow_plan(both, overall.best_edge), bt, bp);
    // "The best answer" at a choice point is the first move of the best play on both needs from there.
    r.length = measure_length_bias(s, g, overall.best_edge);
}

std::string percent_text(double p) { return std::to_string(static_cast<int>(p + 0.5)) + "%"; }

void check_say_no(const Scenario& s, const StateGraph& g, const LintOptions& options, LintReport& r, DiagnosticList& diags) {
    if (std::find(s.skills.begin(), s.skills.end(), "say-no") == s.skills.end()) return;
    r.say_no = search_say_no(s, g, r.full_technical, r.full_personal, options.score_pair_limit);
    if (!r.say_no.checked) {
        diags.warning(codes::say_no_skipped, s.id_pos,
                      "the say-no check was skipped: more than " + std::to_string(options.score_pair_limit) +
                          " (situation, technical score) pairs, or a loop that lowers the technical score forever");
        return;
    }
    // Saying no well is the kept-the-customer quadrant: it must be reachable without the technical need.
    if (r.say_no.best_personal_percent < s.pass.personal)
        diags.warning(codes::say_no_capped, s.id_pos,
                      "this scenario teaches saying no, but a trainee who misses the technical need (below " +
                          std::to_string(s.pass.technical) + "%) reaches at most " +
                          percent_text(r.say_no.best_personal_percent) +
                          " on the personal need, under its pass mark of " + std::to_string(s.pass.personal) +
                          "%: a no said well can never keep the customer");
}

// --- could a trainee win without reading? ----------------------------------------------

std::string need_percents(const PathSummary& p) {
    return "technical " + percent_text(p.technical_percent) + ", personal " + percent_text(p.personal_percent);
}

void check_blind_play(const Scenario& s, const StateGraph& g, const LintOptions& options, LintReport& r, DiagnosticList& diags) {
    ScoreBounds bounds;
    bounds.best_technical = r.best_technical;
    bounds.best_personal = r.best_personal;
    bounds.full_technical = r.full_technical;
    bounds.full_personal = r.full_personal;
    // A rule that is still going after every situation has been visited is on a loop.
    const size_t turn_cap = g.states.size() + 1;
    for (BlindRule rule : blind_rules) {
        BlindProbe probe = play_blind(s, bounds, rule, turn_cap);
        if (probe.finished && probe.quadrant == Quadrant::best_in_class)
            diags.warning(codes::blind_rule_wins, s.id_pos,
                          std::string(blind_rule_title(rule)) + " reaches Best in class (" + need_percents(probe.path) +
                              "): a trainee who doesn't read wins; make that rule lose somewhere on its path");
        r.blind.push_back(std::move(probe));
    }
    r.random = sample_random_play(s, bounds, options.random_calls, options.random_turn_budget, options.random_seed);
    if (r.random.calls > 0 && r.random.best_in_class_share() >= options.random_best_in_class_limit)
        diags.warning(codes::random_play_wins, s.id_pos,
                      "random play ends Best in class in " + percent_text(100 * r.random.best_in_class_share()) +
                          " of calls (" + std::to_string(r.random.calls) + " sampled), " +
                          percent_text(100 * options.random_best_in_class_limit) +
                          " or more: guessing wins too often; give more choice points a real cost");

    const LengthBias& length = r.length;
    if (length.choice_points >= 3 &&
        length.best_is_longest >= options.length_bias_limit * static_cast<double>(length.choice_points))
        diags.warning(codes::longest_is_best, s.id_pos,
                      "the best answer is the longest line at " + std::to_string(length.best_is_longest) + " of " +
                          std::to_string(length.choice_points) + " choice points (" +
                          percent_text(100.0 * length.best_is_longest / length.choice_points) +
                          ", the limit is under " + percent_text(100 * options.length_bias_limit) +
                          "): length gives the answer away; make a short plain answer right, or a long one the trap");

    if (s.full_marks.technical && r.best_technical > *s.full_marks.technical)
        diags.warning(codes::above_full_marks, s.full_marks.technical_pos,
                      "a path scores " + std::to_string(r.best_technical) +
                          " technical points, more than the full marks of " + std::to_string(*s.full_marks.technical) +
                          "; raise full_marks or lower the points");
    if (s.full_marks.personal && r.best_personal > *s.full_marks.personal)
        diags.warning(codes::above_full_marks, s.full_marks.personal_pos,
                      "a path scores " + std::to_string(r.best_personal) +
                          " personal points, more than the full marks of " + std::to_string(*s.full_marks.personal) +
                          "; raise full_marks or lower the points");

    r.ending_quadrants = quadrants_at_endings(s, g, bounds, options.score_pair_limit);
    if (!r.ending_quadrants.checked) {
        diags.warning(codes::outcome_check_skipped, s.id_pos,
                      "the check of endings against their outcomes was skipped: more than " +
                          std::to_string(options.score_pair_limit) + " (situation, scores) triples");
        return;
    }
    for (size_t i = 0; i < s.endings.size(); ++i) {
        const Ending& ending = s.endings[i];
        for (int q = 0; q < quadrant_count; ++q) {
            if (!(r.ending_quadrants.reached[i] & (1u << q)) || outcome_fits(ending.outcome, static_cast<Quadrant>(q))) continue;
            diags.warning(codes::outcome_contradicts_quadrant, ending.pos,
                          "ending '" + ending.id + "' says the customer is " +
                              std::string(outcome_name(ending.outcome)) + ", but a call can reach it as " +
                              std::string(quadrant_title(static_cast<Quadrant>(q))) +
                              ": the debrief would contradict itself; route that call to another ending");
            break;
        }
    }
}

}  // namespace

std::string_view blind_rule_id(BlindRule r) {
    switch (r) {
        case BlindRule::first_listed: return "first-listed";
        case BlindRule::last_listed: return "last-listed";
        case BlindRule::longest: return "longest";
        case BlindRule::shortest: return "shortest";
    }
    return "first-listed";
}

std::string_view blind_rule_title(BlindRule r) {
    switch (r) {
        case BlindRule::first_listed: return "always the first answer listed";
        case BlindRule::last_listed: return "always the last answer listed";
        case BlindRule::longest: return "always the longest answer";
        case BlindRule::shortest: return "always the shortest answer";
    }
    return "";
}

namespace {
LintReport lint_unguarded(const Scenario& s, DiagnosticList& diags, const LintOptions& options) {
    LintReport report;
    report.node_reached.assign(s.nodes.size(), false);
    report.endings.assign(s.endings.size(), {});
    check_variables(s, diags);
    check_feedback(s, diags);

    const StateGraph g = explore_states(s, options.state_limit, options.state_memory_limit);
    report.states = g.states.size();
    report.moves = g.edges.size();
    if (g.memory_limited) {
        diags.error(codes::lint_state_limit, s.id_pos,
                    "the lint stopped after " + std::to_string(g.states.size()) +
                        " reachable situations, at its memory limit of " +
                        std::to_string(options.state_memory_limit >> 20) +
                        " MB; use fewer variables or bound the counters that grow in loops");
        return report;
    }
    if (!g.complete) {
        diags.error(codes::lint_state_limit, s.id_pos,
                    "the lint stopped after " + std::to_string(options.state_limit) +
                        " reachable situations; raise --max-states or bound the counters that grow in loops");
        return report;
    }
    if (g.states.empty()) return report;

    const NeedPlan technical = plan_need(g, Need::technical);
    const NeedPlan personal = plan_need(g, Need::personal);
    report.best_technical = technical.range.best;
    report.best_personal = personal.range.best;
    report.full_technical = s.full_marks.technical.value_or(report.best_technical);
    report.full_personal = s.full_marks.personal.value_or(report.best_personal);

    const Coverage cov = measure_coverage(s, g);
    for (size_t n = 0; n < s.nodes.size(); ++n) report.node_reached[n] = cov.situations[n] > 0;
    check_coverage(s, cov, diags);
    compare_moves(s, g, technical, personal, report);
    report_moves(s, report, diags);
    report.endings = ending_ranges(s, g);
    find_paths(s, g, technical, personal, report);
    check_say_no(s, g, options, report, diags);
    check_blind_play(s, g, options, report, diags);
    diags.sort_by_position();
    return report;
}
}  // namespace

LintReport lint_scenario(const Scenario& s, DiagnosticList& diags, const LintOptions& options) {
    try {
        return lint_unguarded(s, diags, options);
    } catch (const std::bad_alloc&) {
        report_out_of_memory(diags, "linting the scenario");
        return {};
    }
}

}  // namespace frontline
