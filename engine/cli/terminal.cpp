#include "terminal.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace frontline::cli {

namespace {
size_t display_width(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;  // count code points, not continuation bytes
    return n;
}
}  // namespace

std::string wrap(std::string_view text, size_t width, std::string_view indent) {
    std::string out;
    size_t i = 0;
    // Leading spaces are layout (list indentation), kept as written.
    while (i < text.size() && text[i] == ' ') out += text[i++];
    size_t column = i;
    bool first_word = true;
    while (i < text.size()) {
        if (text[i] == '\n') {
            out += '\n';
            out += indent;
            column = display_width(indent);
            first_word = true;
            ++i;
            continue;
        }
        if (text[i] == ' ') { ++i; continue; }
        size_t end = text.find_first_of(" \n", i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(i, end - i);
        size_t w = display_width(word);
        if (!first_word && column + 1 + w > width) {
            out += '\n';
            out += indent;
            column = display_width(indent);
        } else if (!first_word) {
            out += ' ';
            ++column;
        }
        out += word;
        column += w;
        first_word = false;
        i = end;
    }
    return out;
}

size_t terminal_width() {
    if (const char* c = std::getenv("COLUMNS")) {
        long v = std::strtol(c, nullptr, 10);
        if (v > 0) return static_cast<size_t>(std::clamp(v, 60L, 120L));
    }
    return 80;
}

void print_diagnostics(std::ostream& err, const DiagnosticList& diags) {
    for (const Diagnostic& d : diags.items()) err << format_diagnostic(d) << '\n';
}

std::string signed_number(int v) {
    return v > 0 ? "+" + std::to_string(v) : std::to_string(v);
}

namespace {
std::string percent(double p) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", p);
    return buf;
}
}  // namespace

void print_debrief(std::ostream& out, const Scenario& s, const Runner& run, const AttemptScore& score) {
    const size_t width = terminal_width();
    out << "\n== Debrief: " << s.title << " ==\n\n";
    if (const Ending* e = run.ending()) {
        out << wrap(e->text, width) << '\n';
        out << "Outcome: " << outcome_name(e->outcome) << (run.state().walked_out ? " (the customer walked out)" : "") << "\n\n";
    }
    out << wrap("Technical need: " + s.needs.technical, width, "                ") << '\n';
    auto need_line = [&](int64_t raw, int64_t full, int64_t best, double pct, int pass, bool met) {
        out << "  you scored " << raw << " of " << full << (best < full ? " that would meet it fully" : " possible") << " ("
            << percent(pct) << ", pass " << pass << "%)" << (met ? ": met" : ": not met") << '\n';
        if (best < full)
            out << wrap("  The most anyone could do here was " + percent(percent_of_best(best, full)) +
                            ": this need could not be fully met on this call.", width, "  ") << '\n';
    };
    need_line(score.technical, score.full_technical, score.best_technical, score.technical_percent, s.pass.technical, score.technical_met);
    out << wrap("Personal need:  " + s.needs.personal, width, "                ") << '\n';
    need_line(score.personal, score.full_personal, score.best_personal, score.personal_percent, s.pass.personal, score.personal_met);
    out << "Final mood: " << score.mood << "/100\n\n";
    out << "Verdict: " << quadrant_title(score.quadrant) << '\n' << wrap(quadrant_lesson(score.quadrant), width, "") << "\n";
    if (!score.skills.empty()) {
        out << "\nSkills practised:";
        for (const auto& sk : score.skills) out << ' ' << sk;
        out << '\n';
    }
    if (!s.debrief.empty()) {
        out << "\nLearning points:\n";
        for (const auto& point : s.debrief) out << wrap("  - " + point, width, "    ") << '\n';
    }
    out << "\nThe call, turn by turn:\n";
    for (const TranscriptEntry& e : run.transcript()) {
        if (e.kind == TranscriptEntry::Kind::choice) {
            out << wrap("  " + std::to_string(e.turn + 1) + ". \"" + e.text + "\"", width, "      ") << '\n';
            out << "     technical " << signed_number(e.technical) << ", personal " << signed_number(e.personal)
                << ", mood " << signed_number(e.mood) << " -> " << e.mood_after << '\n';
            if (!e.feedback.empty()) out << wrap("     " + e.feedback, width, "     ") << '\n';
        } else if (e.kind == TranscriptEntry::Kind::dead_air) {
            out << "     (silence: mood " << signed_number(e.mood) << ")\n";
        }
    }
}

}  // namespace frontline::cli
