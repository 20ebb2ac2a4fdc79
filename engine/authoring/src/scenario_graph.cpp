// scenario_dot. Sections: DOT quoting, node and ending styles, moves.
#include "frontline/scenario_graph.hpp"

#include "choice_text.hpp"

#include "frontline/runner.hpp"

#include <set>
#include <sstream>

namespace frontline {

using namespace authoring_detail;

namespace {

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n.
std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out + "\"";
}

struct EndingStyle {
    const char* shape;
    const char* fill;
    const char* font;
};

EndingStyle style_of(Outcome o) {
    switch (o) {
        case Outcome::delighted: return {"doublecircle", "#2e7d32", "white"};
        case Outcome::satisfied: return {"circle", "#a5d6a7", "black"};
        case Outcome::neutral: return {"circle", "#e0e0e0", "black"};
        case Outcome::lost: return {"octagon", "#ffcc80", "black"};
        case Outcome::complaint: return {"octagon", "#e57373", "black"};
    }
    return {"circle", "white", "black"};
}

std::string signed_points(int v) { return v > 0 ? "+" + std::to_string(v) : std::to_string(v); }

/// The walkout ending has no arrow into it: say when the customer leaves instead.
std::string walkout_note(const Scenario& s, int ending) {
    const auto& w = s.customer.walkout;
    return w && w->ending == ending ? "\n(walkout: mood below " + std::to_string(w->below) + ")" : "";
}

std::string node_name(const Node& n) { return dot_quote("n:" + n.id); }
std::string ending_name(const Ending& e) { return dot_quote("e:" + e.id); }

/// (node, choice) pairs of the best path, found by replaying it.
std::set<std::pair<int, int>> best_moves(const Scenario& s, const PathSummary& best) {
    std::set<std::pair<int, int>> moves;
    Runner run(s);
    for (int choice : best.choices) {
        moves.emplace(run.state().node, choice);
        if (!run.choose(choice)) break;
    }
    return moves;
}

}  // namespace

std::string scenario_dot(const Scenario& s, const LintReport& report, const GraphOptions& options) {
    std::ostringstream out;
    out << "digraph " << dot_quote(s.id) << " {\n";
    out << "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label="
        << dot_quote(s.title + (options.highlight_best && report.best_path.found ? "  (blue: best path overall)" : "")) << "];\n";
    out << "  node [fontname=\"Helvetica\", fontsize=10];\n";
    out << "  edge [fontname=\"Helvetica\", fontsize=9];\n";

    for (size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        const bool reached = i < report.node_reached.size() && report.node_reached[i];
        std::string line = n.customer.empty() ? "" : shorten(n.customer.back().text, options.label_chars);
        out << "  " << node_name(n) << " [shape=box, style=\"rounded,filled" << (reached ? "" : ",dashed") << "\", fillcolor="
            << (reached ? "\"#e3f2fd\"" : "\"#f5f5f5\"") << (static_cast<int>(i) == s.start ? ", penwidth=2.5" : "")
            << ", label=" << dot_quote(n.id + (reached ? "" : " (unreachable)") + "\n" + line) << "];\n";
    }
    for (size_t i = 0; i < s.endings.size(); ++i) {
        const Ending& e = s.endings[i];
        const EndingStyle st = style_of(e.outcome);
        const bool reached = i < report.endings.size() && report.endings[i].reachable;
        out << "  " << ending_name(e) << " [shape=" << st.shape << ", style=\"filled" << (reached ? "" : ",dashed")
            << "\", fillcolor=\"" << st.fill << "\", fontcolor=\"" << st.font << "\", label="
            << dot_quote(e.id + "\n" + std::string(outcome_name(e.outcome)) + walkout_note(s, static_cast<int>(i)) +
                         (reached ? "" : "\n(unreachable)"))
            << "];\n";
    }

    const auto best = options.highlight_best ? best_moves(s, report.best_path) : std::set<std::pair<int, int>>{};
    for (size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        for (size_t c = 0; c < n.choices.size(); ++c) {
            const Choice& ch = n.choices[c];
            if (ch.next.index < 0) continue;
            std::string target =
                ch.next.is_ending() ? ending_name(s.ending(ch.next.index)) : node_name(s.node(ch.next.index));
            std::string label = shorten(ch.say, options.label_chars) + "\nT" + signed_points(ch.technical) + " P" +
                                signed_points(ch.personal) + " mood " + signed_points(ch.mood);
            if (!ch.condition.empty()) label += "\nif " + shorten(ch.condition.source(), options.label_chars);
            const bool on_best = best.count({static_cast<int>(i), static_cast<int>(c)}) > 0;
            out << "  " << node_name(n) << " -> " << target << " [label=" << dot_quote(label);
            if (on_best) out << ", color=\"#1565c0\", fontcolor=\"#1565c0\", penwidth=3";
            else if (ch.technical + ch.personal < 0) out << ", color=\"#c62828\"";
            if (!ch.condition.empty()) out << ", style=dashed";
            out << "];\n";
        }
    }
    out << "}\n";
    return out.str();
}

}  // namespace frontline
