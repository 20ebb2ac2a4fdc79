// write_report_html: the report as one HTML page a manager can open, print or
// mail. Everything is inline (CSS, SVG); nothing loads from elsewhere and there
// is no script, so it opens the same offline, in a mail client or as a PDF.
//
// Sections: text helpers; charts (quadrant, needs over time, bars); the page's
// sections (summary, replay gain, skills, scenarios, workshop); the page.
#include "frontline/results/report_html.hpp"

#include "frontline/results/text_escape.hpp"

#include "frontline/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <ostream>
#include <sstream>

namespace frontline::results {

// --- Text helpers -----------------------------------------------------------------------

namespace {

std::string fixed(double v, int decimals = 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    // "-0" reads as a loss; a rounded zero is no change.
    if (std::string(buf) == "-0") return "0";
    return buf;
}

std::string signed_points(int v) { return v > 0 ? "+" + std::to_string(v) : std::to_string(v); }

std::string signed_percent(double v) {
    const std::string s = fixed(v);
    return (s != "0" && v > 0 ? "+" : "") + s + " pts";
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

const char* quadrant_color(Quadrant q) {
    switch (q) {
        case Quadrant::best_in_class: return "#1a7f37";
        case Quadrant::kept_the_customer: return "#b0307a";
        case Quadrant::fixed_it_lost_them: return "#1f5fbf";
        case Quadrant::mere_mortal: return "#b42318";
    }
    return "#555";
}

std::string skill_name(const std::string& id) {
    std::string s = id;
    std::replace(s.begin(), s.end(), '-', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string date_of(const std::string& iso) { return iso.substr(0, std::min<size_t>(10, iso.size())); }

// --- Charts -------------------------------------------------------------------------------

/// Every finished call on the two needs; past a few thousand calls a density grid
/// (dots would pile into one blot and the file would grow for nothing).
void quadrant_chart(std::ostream& o, const Report& r) {
    constexpr double size = 300, pad = 46;  // room for the axis titles and ticks
    const auto x = [&](double t) { return pad + t / 100.0 * size; };
    const auto y = [&](double p) { return pad + (100.0 - p) / 100.0 * size; };
    o << "<svg class=\"chart\" viewBox=\"0 0 " << size + pad * 2 << ' ' << size + pad * 2
      << "\" role=\"img\" aria-label=\"Quadrant chart of every finished call\">";
    o << "<rect x=\"" << pad << "\" y=\"" << pad << "\" width=\"" << size << "\" height=\"" << size
      << "\" fill=\"#fafafa\" stroke=\"#999\"/>";
    // Quadrant tints: best in class top right.
    const double px = x(r.pass_technical), py = y(r.pass_personal);
    o << "<rect x=\"" << px << "\" y=\"" << pad << "\" width=\"" << x(100) - px << "\" height=\"" << py - pad
      << "\" fill=\"#1a7f37\" fill-opacity=\"0.07\"/>";
    o << "<line x1=\"" << px << "\" y1=\"" << pad << "\" x2=\"" << px << "\" y2=\"" << pad + size
      << "\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>";
    o << "<line x1=\"" << pad << "\" y1=\"" << py << "\" x2=\"" << pad + size << "\" y2=\"" << py
      << "\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>";
    const auto label = [&](double lx, double ly, const char* anchor, std::string_view text) {
        o << "<text x=\"" << lx << "\" y=\"" << ly << "\" text-anchor=\"" << anchor << "\" class=\"ql\">" << text << "</text>";
    };
    // The top pair sits above the plot: calls pile up in its top corners (full marks).
    label(x(100) - 15, pad - 5, "end", quadrant_title(Quadrant::best_in_class));  // clear of a full dot in the corner
    label(x(0), pad - 5, "start", quadrant_title(Quadrant::kept_the_customer));
    label(x(99), y(2), "end", quadrant_title(Quadrant::fixed_it_lost_them));
    label(x(1), y(2), "start", quadrant_title(Quadrant::mere_mortal));
    if (r.calls.size() <= 1500) {
        // Calls on the same spot (the same path) make one dot that grows and says how many.
        std::map<std::tuple<int, int, Quadrant>, int> spots;
        for (const CallPoint& c : r.calls)
            ++spots[{static_cast<int>(std::lround(std::clamp(c.technical, 0.0, 100.0))),
                     static_cast<int>(std::lround(std::clamp(c.personal, 0.0, 100.0))), c.quadrant}];
        for (const auto& [spot, n] : spots) {
            const auto& [t, p, q] = spot;
            const double radius = n == 1 ? 4.0 : std::min(13.0, 6.5 + 1.2 * std::sqrt(n - 1.0));
            o << "<circle cx=\"" << fixed(x(t), 1) << "\" cy=\"" << fixed(y(p), 1) << "\" r=\"" << fixed(radius, 1) << "\" fill=\""
              << quadrant_color(q) << "\" fill-opacity=\"0.75\"><title>" << plural(n, "call", "calls") << ": technical " << t
              << "%, personal " << p << "%</title></circle>";
            if (n > 1)  // the count inside the dot, where no label can collide with it
                o << "<text x=\"" << fixed(x(t), 1) << "\" y=\"" << fixed(y(p) + 3.5, 1) << "\" text-anchor=\"middle\" class=\"count\">"
                  << n << "</text>";
        }
    } else {
        constexpr int cells = 25;
        std::vector<int> grid(cells * cells, 0);
        int most = 1;
        for (const CallPoint& c : r.calls) {
            const int cx = std::clamp(static_cast<int>(c.technical / 100.0 * cells), 0, cells - 1);
            const int cy = std::clamp(static_cast<int>(c.personal / 100.0 * cells), 0, cells - 1);
            most = std::max(most, ++grid[static_cast<size_t>(cy * cells + cx)]);
        }
        const double cell = size / cells;
        for (int cy = 0; cy < cells; ++cy)
            for (int cx = 0; cx < cells; ++cx) {
                const int n = grid[static_cast<size_t>(cy * cells + cx)];
                if (n == 0) continue;
                o << "<rect x=\"" << fixed(pad + cx * cell, 1) << "\" y=\"" << fixed(pad + size - (cy + 1) * cell, 1)
                  << "\" width=\"" << fixed(cell, 1) << "\" height=\"" << fixed(cell, 1) << "\" fill=\"#333\" fill-opacity=\""
                  << fixed(0.12 + 0.88 * n / most, 2) << "\"><title>" << n << " calls</title></rect>";
            }
    }
    for (int v : {0, 50, 100}) {
        o << "<text x=\"" << x(v) << "\" y=\"" << pad + size + 14 << "\" text-anchor=\"middle\" class=\"ax\">" << v << "%</text>";
        o << "<text x=\"" << pad - 4 << "\" y=\"" << y(v) + 4 << "\" text-anchor=\"end\" class=\"ax\">" << v << "%</text>";
    }
    o << "<text x=\"" << pad + size / 2 << "\" y=\"" << pad + size + 30 << "\" text-anchor=\"middle\" class=\"axt\">technical need &#8594;</text>";
    o << "<text transform=\"translate(14 " << pad + size / 2 << ") rotate(-90)\" text-anchor=\"middle\" class=\"axt\">personal need &#8594;</text>";
    o << "</svg>";
}

/// Both needs call by call (or, for many calls, the mean of each consecutive group).
void over_time_chart(std::ostream& o, const Report& r) {
    constexpr double w = 560, h = 200, left = 36, top = 12, bottom = 28;
    const size_t n = r.calls.size();
    const size_t buckets = std::min<size_t>(n, 120);
    std::vector<double> tech, pers;
    for (size_t b = 0; b < buckets; ++b) {
        const size_t from = b * n / buckets, to = (b + 1) * n / buckets;
        double t = 0, p = 0;
        for (size_t i = from; i < to; ++i) {
            t += r.calls[i].technical;
            p += r.calls[i].personal;
        }
        tech.push_back(t / static_cast<double>(to - from));
        pers.push_back(p / static_cast<double>(to - from));
    }
    const double plot_w = w - left - 8, plot_h = h - top - bottom;
    const auto px = [&](size_t i) { return left + (buckets <= 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / static_cast<double>(buckets - 1)); };
    const auto py = [&](double v) { return top + (100.0 - std::clamp(v, 0.0, 100.0)) / 100.0 * plot_h; };
    o << "<svg class=\"chart wide\" viewBox=\"0 0 " << w << ' ' << h << "\" role=\"img\" aria-label=\"Both needs over time\">";
    for (int v : {0, 50, 100}) {
        o << "<line x1=\"" << left << "\" y1=\"" << py(v) << "\" x2=\"" << w - 8 << "\" y2=\"" << py(v) << "\" stroke=\"#ddd\"/>";
        o << "<text x=\"" << left - 4 << "\" y=\"" << py(v) + 4 << "\" text-anchor=\"end\" class=\"ax\">" << v << "%</text>";
    }
    const auto line = [&](const std::vector<double>& v, const char* color, const char* dash) {
        o << "<polyline fill=\"none\" stroke=\"" << color << "\" stroke-width=\"2\"" << dash << " points=\"";
        for (size_t i = 0; i < v.size(); ++i) o << fixed(px(i), 1) << ',' << fixed(py(v[i]), 1) << ' ';
        o << "\"/>";
        if (v.size() <= 40)
            for (size_t i = 0; i < v.size(); ++i)
                o << "<circle cx=\"" << fixed(px(i), 1) << "\" cy=\"" << fixed(py(v[i]), 1) << "\" r=\"2.5\" fill=\"" << color << "\"/>";
    };
    line(tech, "#1f5fbf", "");
    line(pers, "#b0307a", " stroke-dasharray=\"6 3\"");
    if (n > 0) {
        o << "<text x=\"" << left << "\" y=\"" << h - 8 << "\" class=\"ax\">" << html_escaped(date_of(r.calls.front().started_at)) << "</text>";
        o << "<text x=\"" << w - 8 << "\" y=\"" << h - 8 << "\" text-anchor=\"end\" class=\"ax\">"
          << html_escaped(date_of(r.calls.back().started_at)) << "</text>";
    }
    o << "</svg>";
    o << "<p class=\"legend\"><span class=\"key tech\"></span> Technical need <span class=\"key pers\"></span> Personal need (dashed)"
      << (buckets < n ? " &#183; each point is the mean of about " + std::to_string(n / buckets) + " consecutive calls" : std::string())
      << "</p>";
}

/// A share as a bar drawn in SVG (prints without "background graphics").
std::string share_bar(double share, const char* color) {
    std::ostringstream o;
    o << "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"100\" height=\"10\" fill=\"#eee\"/>"
      << "<rect width=\"" << fixed(std::clamp(share, 0.0, 1.0) * 100, 1) << "\" height=\"10\" fill=\"" << color << "\"/></svg>";
    return o.str();
}

std::string delta_cell(int v) {
    return std::string("<td class=\"num ") + (v < 0 ? "neg" : v > 0 ? "pos" : "zero") + "\">" + signed_points(v) + "</td>";
}

// --- Sections -------------------------------------------------------------------------------

void scope_line(std::ostream& o, const Report& r) {
    std::vector<std::string> parts;
    if (!r.filter.trainee.empty()) parts.push_back("trainee <b>" + html_escaped(r.filter.trainee) + "</b>");
    if (r.workshop) parts.push_back("workshop <b>" + html_escaped(r.workshop->title) + "</b>");
    if (!r.filter.scenario_id.empty()) parts.push_back("scenario <b>" + html_escaped(r.filter.scenario_id) + "</b>");
    if (!r.filter.since.empty()) parts.push_back("since <b>" + html_escaped(r.filter.since) + "</b>");
    o << "<p class=\"scope\">" << (parts.empty() ? std::string("All trainees, all scenarios") : "") ;
    for (size_t i = 0; i < parts.size(); ++i) o << (i ? " &#183; " : "") << parts[i];
    // "2030-01-01T09:30:00Z" -> "2030-01-01 09:30"; anything else as given.
    std::string when = r.generated_at.substr(0, 16);
    if (when.size() > 10 && when[10] == 'T') when[10] = ' ';
    o << " &#183; generated " << html_escaped(when) << " UTC</p>";
}

void summary_section(std::ostream& o, const Report& r) {
    o << "<section class=\"figures\">";
    const auto figure = [&](const std::string& value, const std::string& what) {
        o << "<div class=\"figure\"><div class=\"value\">" << value << "</div><div class=\"what\">" << what << "</div></div>";
    };
    if (r.filter.trainee.empty()) figure(std::to_string(r.trainees), r.trainees == 1 ? "trainee" : "trainees");
    figure(std::to_string(r.finished), r.finished == 1 ? "finished call" : "finished calls");
    figure(std::to_string(r.unfinished), "unfinished");
    const int best = r.quadrant_counts.empty() ? 0 : r.quadrant_counts[static_cast<size_t>(Quadrant::best_in_class)];
    figure(r.finished > 0 ? fixed(100.0 * best / r.finished) + "%" : "&#8211;", "best in class");
    o << "</section>";
    if (!r.names && r.filter.trainee.empty())
        o << "<p class=\"note\">Names are left out (ask for them with <code>--names</code>); a figure over fewer than "
          << r.group << " calls, answers or trainees is not shown.</p>";

    o << "<section class=\"pair\"><div><h2>Where the calls land</h2>";
    // Call by call is one person's record when few trainees played: drawn only from the group size.
    const bool drawn = r.names || r.trainees >= r.group;
    if (r.calls.empty()) o << "<p class=\"empty\">No finished calls yet.</p>";
    else if (!drawn)
        o << "<p class=\"hidden\">Fewer than " << r.group << " trainees: their calls are not drawn one by one "
          << "(ask for one trainee's report with <code>--trainee</code>, or for names with <code>--names</code>).</p>";
    else {
        quadrant_chart(o, r);
        o << "<ul class=\"quadrants\">";
        for (Quadrant q : {Quadrant::best_in_class, Quadrant::kept_the_customer, Quadrant::fixed_it_lost_them, Quadrant::mere_mortal})
            o << "<li><span class=\"dot\" style=\"background:" << quadrant_color(q) << "\"></span>" << quadrant_title(q) << ": <b>"
              << r.quadrant_counts[static_cast<size_t>(q)] << "</b></li>";
        o << "</ul><p class=\"note\">Dashed lines: the pass marks of the latest call (" << r.pass_technical << "% technical, "
          << r.pass_personal << "% personal).</p>";
    }
    o << "</div><div><h2>Both needs over time</h2>";
    if (r.calls.empty()) o << "<p class=\"empty\">Nothing to draw yet.</p>";
    else if (!drawn) o << "<p class=\"hidden\">Not drawn for fewer than " << r.group << " trainees.</p>";
    else over_time_chart(o, r);
    o << "</div></section>";
}

void gain_section(std::ostream& o, const Report& r) {
    const ReplayGainSummary& g = r.gain;
    o << "<section><h2>Replay gain: first call against best call</h2>";
    if (g.replayed == 0) {
        o << "<p class=\"empty\">Nobody has played a scenario twice yet.</p></section>";
        return;
    }
    if (!g.median_personal_gain) {
        o << "<p class=\"empty\">" << plural(g.replayed, "trainee has", "trainees have")
          << " replayed a scenario; medians are shown from " << r.group << ".</p>";
    } else {
        o << "<div class=\"figures\">";
        o << "<div class=\"figure\"><div class=\"value pers\">" << signed_percent(*g.median_personal_gain)
          << "</div><div class=\"what\">median gain, personal need</div></div>";
        o << "<div class=\"figure\"><div class=\"value tech\">" << signed_percent(*g.median_technical_gain)
          << "</div><div class=\"what\">median gain, technical need</div></div>";
        o << "<div class=\"figure\"><div class=\"value\">" << fixed(*g.median_attempts_to_best, 1)
          << "</div><div class=\"what\">median calls to the best</div></div>";
        o << "<div class=\"figure\"><div class=\"value\">" << g.improved << " of " << g.replayed
          << "</div><div class=\"what\">improved on a replay</div></div></div>";
    }
    // Per scenario: medians over the trainees who replayed it.
    std::map<std::string, std::vector<const ReplayGain*>> by_scenario;
    for (const ReplayGain& p : g.pairs)
        if (p.calls >= 2) by_scenario[p.title].push_back(&p);
    o << "<table><thead><tr><th>Scenario</th><th class=\"num\">replayed by</th><th class=\"num\">personal gain</th>"
         "<th class=\"num\">technical gain</th><th class=\"num\">calls to best</th></tr></thead><tbody>";
    for (const auto& [title, pairs] : by_scenario) {
        o << "<tr><td>" << html_escaped(title) << "</td><td class=\"num\">" << plural(static_cast<int>(pairs.size()), "trainee", "trainees") << "</td>";
        if (static_cast<int>(pairs.size()) < r.group) {
            o << "<td colspan=\"3\" class=\"hidden\">fewer than " << r.group << " trainees: not shown</td></tr>";
            continue;
        }
        std::vector<double> pg, tg, tb;
        for (const ReplayGain* p : pairs) {
            pg.push_back(p->personal_gain());
            tg.push_back(p->technical_gain());
            tb.push_back(p->attempts_to_best);
        }
        o << "<td class=\"num\">" << signed_percent(median(pg)) << "</td><td class=\"num\">" << signed_percent(median(tg))
          << "</td><td class=\"num\">" << fixed(median(tb), 1) << "</td></tr>";
    }
    o << "</tbody></table>";
    if (r.names) {
        o << "<h3>Trainee by trainee</h3><table><thead><tr><th>Trainee</th><th>Scenario</th><th class=\"num\">calls</th>"
             "<th>first</th><th>best</th><th class=\"num\">personal</th><th class=\"num\">technical</th><th class=\"num\">best at call</th></tr></thead><tbody>";
        for (const ReplayGain& p : g.pairs) {
            o << "<tr><td>" << html_escaped(p.trainee) << "</td><td>" << html_escaped(p.title) << "</td><td class=\"num\">" << p.calls
              << "</td><td>" << quadrant_title(p.first_quadrant) << "</td><td>" << quadrant_title(p.best_quadrant)
              << "</td><td class=\"num\">" << fixed(p.first_personal) << "% &#8594; " << fixed(p.best_personal)
              << "%</td><td class=\"num\">" << fixed(p.first_technical) << "% &#8594; " << fixed(p.best_technical)
              << "%</td><td class=\"num\">" << p.attempts_to_best << "</td></tr>";
        }
        o << "</tbody></table>";
    }
    o << "</section>";
}

void skills_section(std::ostream& o, const Report& r) {
    o << "<section><h2>The six best-in-class behaviours</h2>";
    if (r.finished < r.group || r.finished == 0) {
        o << "<p class=\"empty\">Shown from " << r.group << " finished calls.</p></section>";
        return;
    }
    o << "<p class=\"note\">Share of finished calls in which the trainee chose at least one answer that practises the behaviour.</p>";
    o << "<table class=\"skills\"><tbody>";
    for (const SkillUse& s : r.skills)
        o << "<tr><td>" << html_escaped(skill_name(s.skill)) << "</td><td class=\"barcell\">" << share_bar(s.share, "#5b4bb7")
          << "</td><td class=\"num\">" << fixed(100 * s.share) << "%</td><td class=\"num dim\">" << plural(s.attempts, "call", "calls")
          << "</td></tr>";
    o << "</tbody></table></section>";
}

std::string stopped_name(const std::string& node) { return node.empty() ? "before the first answer" : html_escaped(node); }

void scenario_section(std::ostream& o, const Report& r, const ScenarioInsight& s) {
    o << "<section class=\"scenario\" id=\"scenario-" << html_escaped(s.scenario_id) << "\"><h2>" << html_escaped(s.title) << " <span class=\"dim\">" << html_escaped(s.scenario_id)
      << "</span></h2>";
    o << "<p>" << plural(s.attempts, "call", "calls") << ": " << s.finished << " finished, " << s.unfinished << " unfinished."
      << (s.file_found ? "" : " <span class=\"dim\">(The scenario file was not found: answers nobody took and the notes are missing.)</span>")
      << "</p>";
    if (!s.hurtful.empty()) {
        o << "<h3>Answers that cost the personal need most</h3><ol class=\"hurt\">";
        for (size_t i = 0; i < s.hurtful.size() && i < 3; ++i) {
            const auto& h = s.hurtful[i];
            o << "<li>&#8220;" << html_escaped(h.answer.say) << "&#8221; <span class=\"dim\">at " << html_escaped(h.node) << "</span>: personal "
              << signed_points(h.answer.personal) << ", taken in " << fixed(100 * h.answer.share) << "% of answers there</li>";
        }
        o << "</ol>";
    }
    if (!s.stopped.empty()) {
        int total = 0;
        for (const auto& st : s.stopped) total += st.second;
        o << "<h3>Where unfinished calls stopped</h3>";
        if (total < r.group) o << "<p class=\"hidden\">fewer than " << r.group << " unfinished calls: not shown</p>";
        else {
            o << "<p>";
            for (size_t i = 0; i < s.stopped.size(); ++i)
                o << (i ? ", " : "") << stopped_name(s.stopped[i].first) << " (" << s.stopped[i].second << ")";
            o << "</p>";
        }
    }
    for (const ChoicePoint& p : s.points) {
        if (p.answers == 0 && p.stopped_here == 0) continue;
        o << "<div class=\"point\"><h4>" << html_escaped(p.node) << " <span class=\"dim\">" << plural(p.answers, "answer", "answers")
          << (p.stopped_here > 0 && p.stopped_here >= r.group ? ", " + plural(p.stopped_here, "call stopped", "calls stopped") + " here" : "")
          << "</span></h4>";
        if (!p.notes.empty()) o << "<p class=\"notes\"><b>Facilitator's note:</b> " << html_escaped(p.notes) << "</p>";
        if (!p.shown) {
            o << "<p class=\"hidden\">Fewer than " << r.group << " answers here: the shares are not shown.</p></div>";
            continue;
        }
        o << "<table class=\"answers\"><thead><tr><th>Answer</th><th class=\"barcell\">share</th><th class=\"num\"></th><th class=\"num\">technical</th>"
             "<th class=\"num\">personal</th><th class=\"num\">mood</th></tr></thead><tbody>";
        for (const AnswerShare& a : p.options)
            o << "<tr" << (a.in_file ? "" : " class=\"dim\"") << "><td>&#8220;" << html_escaped(a.say) << "&#8221;"
              << (a.in_file ? "" : " <i>(no longer in the file)</i>") << "</td><td class=\"barcell\">"
              << share_bar(a.share, a.personal < 0 ? "#b42318" : "#1a7f37") << "</td><td class=\"num\">" << fixed(100 * a.share)
              << "%</td>" << delta_cell(a.technical) << delta_cell(a.personal) << delta_cell(a.mood) << "</tr>";
        o << "</tbody></table></div>";
    }
    o << "</section>";
}

void workshop_section(std::ostream& o, const WorkshopInsight& w) {
    const bool vote = w.style == "class-vote";
    const auto team_name = [&](int t) {
        if (t < 0 || t >= static_cast<int>(w.teams.size())) return std::string("The class");
        return html_escaped(w.teams[static_cast<size_t>(t)].name);
    };
    const auto team_dot = [&](int t) {
        if (t < 0 || t >= static_cast<int>(w.teams.size())) return std::string();
        return "<span class=\"dot\" style=\"background:" + html_escaped(w.teams[static_cast<size_t>(t)].color) + "\"></span>";
    };
    o << "<section class=\"workshop\"><h2>Workshop: " << html_escaped(w.title) << "</h2><p>"
      << (vote ? "Class vote" : "Hot seat") << ", " << plural(static_cast<int>(w.teams.size()), "team", "teams") << ", started "
      << html_escaped(date_of(w.started_at)) << (w.finished ? "" : " (not finished)") << ".</p>";
    if (!w.missing.empty()) {
        o << "<p class=\"hidden\">Not replayed (that version of the file was not found): ";
        for (size_t i = 0; i < w.missing.size(); ++i) o << (i ? ", " : "") << html_escaped(w.missing[i]);
        o << ".</p>";
    }
    o << "<h3>Scoreboard</h3><table><thead><tr><th>" << (vote ? "" : "Team") << "</th><th class=\"num\">calls</th><th class=\"num\">personal</th>"
         "<th class=\"num\">technical</th><th class=\"num\">best in class</th></tr></thead><tbody>";
    for (const auto& s : w.scoreboard)
        o << "<tr><td>" << team_dot(s.team) << team_name(s.team) << "</td><td class=\"num\">" << s.calls << "</td><td class=\"num\">"
          << (s.calls ? fixed(s.personal) + "%" : "&#8211;") << "</td><td class=\"num\">" << (s.calls ? fixed(s.technical) + "%" : "&#8211;")
          << "</td><td class=\"num\">" << s.best_in_class << "</td></tr>";
    o << "</tbody></table><p class=\"note\">Both needs kept apart; the personal need ranks first, as customers judge.</p>";
    o << "<h3>Turn by turn</h3>";
    int round = -1;
    for (const auto& t : w.turns) {
        if (t.round != round) {
            round = t.round;
            o << "<h4 class=\"round\">Call " << round + 1 << ": " << html_escaped(t.scenario_title) << "</h4>";
        }
        o << "<div class=\"point\"><p><b>" << html_escaped(t.node) << "</b>"
          << (vote ? " <span class=\"dim\">" + plural(t.votes, "vote", "votes") +
                         (t.tie_broken ? ", tie broken by the order shown" : "") + "</span>"
                   : "");
        // Hot seat: each team whose phones voted here, with its total, as a class vote shows the room's.
        for (const auto& split : t.splits)
            o << " <span class=\"dim\">" << team_dot(split.team) << team_name(split.team)
              << "'s phones: " << plural(split.total, "vote", "votes")
              << (split.tie_broken ? ", tie broken by the order shown" : "") << "</span>";
        o << "</p>";
        if (!t.notes.empty()) o << "<p class=\"notes\"><b>Facilitator's note:</b> " << html_escaped(t.notes) << "</p>";
        o << "<table>";
        if (!t.splits.empty()) {  // the phones' counts need saying whose they are
            o << "<thead><tr><th></th><th>chosen by</th>";
            for (const auto& split : t.splits)
                o << "<th class=\"num\">" << team_dot(split.team) << team_name(split.team) << "'s phones</th>";
            o << "<th class=\"num\">technical</th><th class=\"num\">personal</th></tr></thead>";
        }
        o << "<tbody>";
        for (size_t k = 0; k < t.options.size(); ++k) {
            const auto& opt = t.options[k];
            o << "<tr><td>" << (opt.chosen && vote ? "<b>&#10003;</b> " : "") << "&#8220;" << html_escaped(opt.say) << "&#8221;</td>";
            if (vote) {
                const double share = t.votes > 0 ? static_cast<double>(opt.votes) / t.votes : 0;
                o << "<td class=\"barcell\">" << share_bar(share, opt.personal < 0 ? "#b42318" : "#1a7f37") << "</td><td class=\"num\">"
                  << opt.votes << "</td>";
            } else {
                o << "<td class=\"who\">";  // a team name stays on one line
                for (int team : opt.teams) o << team_dot(team) << team_name(team) << ' ';
                o << "</td>";
                // The team's majority, played, in bold with a tick.
                for (const auto& split : t.splits)
                    o << "<td class=\"num\">" << (split.chosen == static_cast<int>(k) ? "<b>&#10003; " : "")
                      << split.votes[k] << (split.chosen == static_cast<int>(k) ? "</b>" : "") << "</td>";
            }
            o << delta_cell(opt.technical) << delta_cell(opt.personal) << "</tr>";
        }
        o << "</tbody></table></div>";
    }
    if (w.turns.empty()) o << "<p class=\"empty\">No decisions recorded.</p>";
    o << "</section>";
}

constexpr const char* style_sheet = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; background: #fff;
       max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 2px; }
h2 { font-size: 19px; margin: 26px 0 8px; border-bottom: 2px solid #e4e4e8; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
h4 { font-size: 14px; margin: 10px 0 4px; }
.scope { color: #555; margin: 0 0 12px; }
.dim { color: #777; font-weight: normal; }
.note { color: #666; font-size: 12.5px; }
.empty, .hidden { color: #777; font-style: italic; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 10px 0; }
.figure { border: 1px solid #e4e4e8; border-radius: 8px; padding: 8px 14px; min-width: 140px; }
.figure .value { font-size: 24px; font-weight: bold; }
.figure .what { color: #555; font-size: 12.5px; }
.tech { color: #1f5fbf; } .pers { color: #b0307a; }
.pair { display: grid; grid-template-columns: 370px 1fr; gap: 24px; align-items: start; }
.pair h2 { margin-top: 16px; }
svg.chart { width: 100%; max-width: 370px; height: auto; display: block; }
svg.chart.wide { max-width: 100%; }
svg .ql { font-size: 10px; fill: #444; paint-order: stroke; stroke: #fff; stroke-width: 3px; } svg .count { font-size: 9.5px; font-weight: bold; fill: #fff; } svg .ax { font-size: 10px; fill: #666; } svg .axt { font-size: 11px; fill: #444; }
.legend { font-size: 12.5px; color: #444; }
.key { display: inline-block; width: 18px; height: 0; border-top: 2px solid #1f5fbf; vertical-align: middle; margin: 0 2px 0 8px; }
.key.pers { border-top: 2px dashed #b0307a; }
ul.quadrants { list-style: none; padding: 0; margin: 6px 0; columns: 2; font-size: 13px; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: baseline;
       print-color-adjust: exact; -webkit-print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: middle; }
th { font-size: 12px; color: #555; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; width: 1%; }
td.who { white-space: nowrap; }
td.neg { color: #b42318; } td.pos { color: #1a7f37; } td.zero { color: #888; }
td.barcell, th.barcell { width: 150px; }
svg.bar { width: 140px; height: 10px; display: block; }
/* Every choice point's table lines up with the next: fixed columns. */
table.answers { table-layout: fixed; }
table.answers th.barcell { width: 150px; } table.answers th.num { width: 76px; }
table.skills td:first-child { width: 240px; }
table.skills td.barcell { width: 55%; } table.skills svg.bar { width: 100%; height: 12px; }
.point { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
.notes { background: #f6f4ec; border-left: 3px solid #c9b458; padding: 6px 10px; margin: 4px 0 6px; }
ol.hurt li { margin-bottom: 3px; }
section { break-inside: auto; }
section.scenario, section.workshop { break-before: auto; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
footer { margin-top: 32px; color: #888; font-size: 12px; border-top: 1px solid #eee; padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11.5px; }
  .pair { grid-template-columns: 300px 1fr; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
)css";

}  // namespace

// --- The page ------------------------------------------------------------------------------

void write_report_html(std::ostream& o, const Report& r) {
    std::string title = "Frontline report";
    if (!r.filter.trainee.empty()) title += ": " + r.filter.trainee;
    else if (r.workshop) title += ": " + r.workshop->title;
    o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         // No script and nothing fetched: the policy says so to the browser too.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
         "<title>"
      << html_escaped(title) << "</title><style>" << style_sheet << "</style></head><body>\n";
    o << "<h1>" << html_escaped(title) << "</h1>";
    scope_line(o, r);
    if (r.workshop) workshop_section(o, *r.workshop);
    if (!r.workshop || r.attempts > 0) {
        summary_section(o, r);
        gain_section(o, r);
        skills_section(o, r);
        if (r.scenarios.empty()) o << "<section><h2>Scenarios</h2><p class=\"empty\">No calls recorded yet.</p></section>";
        for (const ScenarioInsight& s : r.scenarios) scenario_section(o, r, s);
    }
    o << "\n<footer>Frontline &#183; scores are percentages of what fully meeting each need was worth; "
         "the technical need is what the customer came for, the personal need how they were treated.</footer>\n</body></html>\n";
}

}  // namespace frontline::results
