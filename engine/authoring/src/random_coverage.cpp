// Random testing: the sampling loop, then the warnings for what it never reached.
#include "frontline/random_coverage.hpp"

#include "frontline/choice_order.hpp"
#include "frontline/runner.hpp"

#include <string>

namespace frontline {

RandomCoverage random_coverage(const Scenario& s, const RandomCoverageOptions& options) {
    RandomCoverage out;
    out.seed = options.seed;
    out.node_calls.assign(s.nodes.size(), 0);
    out.choice_calls.resize(s.nodes.size());
    for (size_t n = 0; n < s.nodes.size(); ++n) out.choice_calls[n].assign(s.nodes[n].choices.size(), 0);
    out.ending_calls.assign(s.endings.size(), 0);

    uint64_t stream = options.seed;
    // Marks per call, so a loop counts once; the generation number avoids clearing them.
    std::vector<size_t> node_mark(s.nodes.size(), 0);
    std::vector<std::vector<size_t>> choice_mark(s.nodes.size());
    for (size_t n = 0; n < s.nodes.size(); ++n) choice_mark[n].assign(s.nodes[n].choices.size(), 0);
    for (size_t call = 1; call <= options.calls; ++call) {
        ++out.calls;
        Runner run(s);
        size_t turn = 0;
        while (!run.finished()) {
            const auto node = static_cast<size_t>(run.state().node);
            if (node_mark[node] != call) {
                node_mark[node] = call;
                ++out.node_calls[node];
            }
            if (turn == options.turn_limit) {
                ++out.cut_off;
                break;
            }
            const std::vector<int> visible = run.choices();
            if (visible.empty()) {
                ++out.stuck;
                break;
            }
            const int choice = visible[static_cast<size_t>(splitmix64_next(stream) % visible.size())];
            if (choice_mark[node][static_cast<size_t>(choice)] != call) {
                choice_mark[node][static_cast<size_t>(choice)] = call;
                ++out.choice_calls[node][static_cast<size_t>(choice)];
            }
            run.choose(choice);
            ++turn;
        }
        out.turns += turn;
        if (run.finished()) {
            ++out.ended;
            ++out.ending_calls[static_cast<size_t>(run.state().ending)];
        }
    }
    return out;
}

void report_unreached(const Scenario& s, const RandomCoverage& c, DiagnosticList& diags) {
    const std::string runs = " in " + std::to_string(c.calls) + (c.calls == 1 ? " random call" : " random calls") +
                             " (seed " + std::to_string(c.seed) + ")";
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        if (c.node_calls[n] == 0) {
            diags.warning(codes::never_reached, node.pos, "node '" + node.id + "' was never reached" + runs);
            continue;  // its choices were not reached either: one warning says it
        }
        for (size_t k = 0; k < node.choices.size(); ++k)
            if (c.choice_calls[n][k] == 0)
                diags.warning(
                    codes::never_reached, node.choices[k].pos,
                    "choice \"" + node.choices[k].say + "\" at node '" + node.id + "' was never taken" + runs);
    }
    for (size_t e = 0; e < s.endings.size(); ++e)
        if (c.ending_calls[e] == 0)
            diags.warning(codes::never_reached, s.endings[e].pos,
                          "ending '" + s.endings[e].id + "' was never reached" + runs);
    const SourcePos at_start = s.start_pos.line ? s.start_pos : s.id_pos;
    if (c.cut_off > 0)
        diags.warning(
            codes::random_calls_stuck, at_start,
            std::to_string(c.cut_off) + " of " + std::to_string(c.calls) +
                " random calls were still going after the turn limit: a loop that random play does not leave");
    if (c.stuck > 0)
        diags.warning(codes::random_calls_stuck, at_start,
                      std::to_string(c.stuck) + " of " + std::to_string(c.calls) +
                          " random calls got stuck at a node with no visible choice");
}

}  // namespace frontline
