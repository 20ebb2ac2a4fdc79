// format_lint_report: the readable half of `frontline lint`. Sections: the
// summary line, endings, paths turn by turn, trade-offs, dominated choices, say-no.
#include "frontline/lint.hpp"

#include "choice_text.hpp"

#include "frontline/scoring.hpp"

#include <sstream>

namespace frontline {

using namespace authoring_detail;

namespace {

std::string percent(int64_t raw, int64_t best) {
    return std::to_string(static_cast<int>(percent_of_best(raw, best) + 0.5)) + "%";
}

std::string range_text(const ValueRange& r, int64_t best) {
    std::string lo = r.min_unbounded ? "-inf" : std::to_string(r.min);
    std::string text = lo + ".." + std::to_string(r.max) + " pts";
    if (best != 0) text += " (" + (r.min_unbounded ? std::string("0%") : percent(r.min, best)) + ".." + percent(r.max, best) + ")";
    return text;
}

void write_path(std::ostream& out, const Scenario& s, std::string_view title, const PathSummary& p) {
    out << "\n" << title;
    if (!p.found) {
        out << ": none\n";
        return;
    }
    out << ": ending '" << s.ending(p.ending).id << "' (" << outcome_name(s.ending(p.ending).outcome) << "), technical "
        << p.technical << " pts (" << static_cast<int>(p.technical_percent + 0.5) << "%), personal " << p.personal
        << " pts (" << static_cast<int>(p.personal_percent + 0.5) << "%), mood " << p.mood << "\n";
    for (size_t i = 0; i < p.says.size(); ++i) out << "  " << i + 1 << ". " << quoted_choice(p.says[i]) << "\n";
}

const Choice& choice_at(const Scenario& s, int node, int choice) { return s.node(node).choice(choice); }

}  // namespace

std::string format_lint_report(const Scenario& s, const LintReport& r) {
    std::ostringstream out;
    out << s.file << ": " << s.title << "\n";
    out << "  " << r.states << " reachable situations, " << r.moves << " moves; best achievable: technical "
        << r.best_technical << " pts, personal " << r.best_personal << " pts\n";
    if (s.full_marks.technical || s.full_marks.personal)
        out << "  full marks (the need fully met): technical " << r.full_technical << " pts, personal " << r.full_personal
            << " pts; the most anyone can score: technical " << percent(r.best_technical, r.full_technical) << ", personal "
            << percent(r.best_personal, r.full_personal) << "\n";

    out << "\nEndings\n";
    for (size_t i = 0; i < s.endings.size(); ++i) {
        const Ending& e = s.endings[i];
        const EndingReport& er = r.endings[i];
        out << "  " << e.id << " (" << outcome_name(e.outcome) << "): ";
        if (!er.reachable) {
            out << "never reached\n";
            continue;
        }
        out << "technical " << range_text(er.technical, r.full_technical) << ", personal "
            << range_text(er.personal, r.full_personal) << ", mood " << er.mood.min << ".." << er.mood.max;
        if (r.ending_quadrants.checked && i < r.ending_quadrants.reached.size()) {
            std::string quadrants;
            for (int q = 0; q < quadrant_count; ++q)
                if (r.ending_quadrants.reached[i] & (1u << q))
                    quadrants += (quadrants.empty() ? "" : ", ") + std::string(quadrant_title(static_cast<Quadrant>(q)));
            out << "; reached as " << quadrants;
        }
        out << "\n";
    }

    write_path(out, s, "Best path overall", r.best_path);
    write_path(out, s, "Best technical path", r.best_technical_path);
    write_path(out, s, "Worst technical path", r.worst_technical_path);
    write_path(out, s, "Best personal path", r.best_personal_path);
    write_path(out, s, "Worst personal path", r.worst_personal_path);

    out << "\nTrade-offs (a choice gains on one need what it costs on the other, counting the best play after it)\n";
    if (r.trade_offs.empty()) out << "  none: the best technical path is also the best personal path everywhere\n";
    for (const TradeOff& t : r.trade_offs) {
        out << "  at '" << s.node(t.node).id << "'" << (t.best_moves_differ ? " (even the best moves differ)" : "")
            << ": technically " << quoted_choice(choice_at(s, t.node, t.technical_choice).say) << ", personally "
            << quoted_choice(choice_at(s, t.node, t.personal_choice).say) << "\n";
    }

    if (!r.dominated.empty()) {
        out << "\nPointless distractors (never better on either need than another imperfect answer)\n";
        for (const DominatedChoice& d : r.dominated)
            out << "  at '" << s.node(d.node).id << "': " << quoted_choice(choice_at(s, d.node, d.choice).say)
                << " <= " << quoted_choice(choice_at(s, d.node, d.by).say) << "\n";
    }

    if (!r.blind.empty()) {
        out << "\nCould a trainee win without reading?\n";
        for (const BlindProbe& b : r.blind) {
            out << "  " << blind_rule_title(b.rule) << ": ";
            if (!b.finished || !b.path.found) {
                out << "never ends (goes round a loop)\n";
                continue;
            }
            out << quadrant_title(b.quadrant) << " (technical " << static_cast<int>(b.path.technical_percent + 0.5)
                << "%, personal " << static_cast<int>(b.path.personal_percent + 0.5) << "%), ending '"
                << s.ending(b.path.ending).id << "'"
                << (b.quadrant == Quadrant::best_in_class ? "  <- wins blind\n" : "\n");
        }
        if (r.random.calls > 0) {
            out << "  random play (" << r.random.calls << " calls, seed " << r.random.seed << "): technical "
                << static_cast<int>(r.random.technical_percent + 0.5) << "% and personal "
                << static_cast<int>(r.random.personal_percent + 0.5) << "% on average;";
            for (int q = 0; q < quadrant_count; ++q)
                out << (q ? ", " : " ") << quadrant_title(static_cast<Quadrant>(q)) << " "
                    << static_cast<int>(100 * r.random.quadrant_share[static_cast<size_t>(q)] + 0.5) << "%";
            out << "\n";
        }
        if (r.length.choice_points > 0)
            out << "  the best answer is the longest line at " << r.length.best_is_longest << " of " << r.length.choice_points
                << " choice points; a cold but efficient answer (technical up, personal down) is offered at "
                << r.length.cold_efficient << "\n";
    }

    if (r.say_no.applies) {
        out << "\nSay-no check: ";
        if (!r.say_no.checked) out << "skipped (too many situations)\n";
        else if (!r.say_no.path.found) out << "no path misses the technical pass mark\n";
        else {
            out << "missing the technical need, the best personal score is "
                << static_cast<int>(r.say_no.best_personal_percent + 0.5) << "%"
                << (r.say_no.best_personal_percent >= 100.0 ? " (the top score)" : " (not the top score)")
                << (r.say_no.best_personal_percent >= s.pass.personal ? ": the customer can be kept\n" : ": the customer cannot be kept\n");
            write_path(out, s, "  for example", r.say_no.path);
        }
    }
    return out.str();
}

}  // namespace frontline
