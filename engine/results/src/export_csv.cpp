// CSV export: RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte-order mark
// so spreadsheet programs do not guess another encoding, and text cells guarded
// against formula injection. Numbers are written bare so they stay numbers.
#include "frontline/results/export.hpp"

#include "time_text.hpp"

#include <cstdio>
#include <ostream>

namespace frontline::results {

namespace {

constexpr const char* utf8_bom = "\xEF\xBB\xBF";
constexpr const char* crlf = "\r\n";

std::string number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    // "66.50" -> "66.5", "70.00" -> "70": shorter cells, same value.
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string number(int64_t v) { return std::to_string(v); }

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out << ',';
        out << cells[i];
    }
    out << crlf;
}

void write_header(std::ostream& out, const std::vector<std::string>& columns) {
    out << utf8_bom;
    std::vector<std::string> cells;
    for (const std::string& c : columns) cells.push_back(csv_text_field(c));
    write_row(out, cells);
}

std::string seconds_between(const std::string& from, const std::string& to) {
    auto a = detail::parse_iso8601_utc(from), b = detail::parse_iso8601_utc(to);
    if (!a || !b) return {};
    return number(std::chrono::duration<double>(*b - *a).count(), 3);
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

std::string csv_text_field(std::string_view text) {
    std::string cell;
    // OWASP's advice for CSV injection: a leading apostrophe makes the cell plain text.
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@' ||
                          text.front() == '\t' || text.front() == '\r'))
        cell += '\'';
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

const std::vector<std::string>& attempt_csv_columns() {
    static const std::vector<std::string> columns = {
        "attempt_id",        "registration",     "trainee",           "scenario_id",     "scenario_title",
        "content_hash",      "mode",             "front_end",         "started_at",      "finished_at",
        "duration_seconds",  "status",           "choices",           "ending",          "outcome",
        "technical_raw",     "technical_best",   "technical_percent", "technical_pass",  "technical_met",
        "personal_raw",      "personal_best",    "personal_percent",  "personal_pass",   "personal_met",
        "mood",              "quadrant",
    };
    return columns;
}

const std::vector<std::string>& choice_csv_columns() {
    static const std::vector<std::string> columns = {
        "attempt_id",     "registration",    "trainee",         "scenario_id", "turn",       "node",
        "choice_number",  "shown_as",        "say",             "technical",   "personal",   "mood",
        "mood_after",     "technical_total", "personal_total",  "seconds",     "skills",     "made_at",
    };
    return columns;
}

void write_attempts_csv(std::ostream& out, const std::vector<AttemptDetail>& attempts) {
    write_header(out, attempt_csv_columns());
    for (const AttemptDetail& d : attempts) {
        const AttemptSummary& a = d.summary;
        std::vector<std::string> row = {
            number(a.id),
            csv_text_field(a.registration),
            csv_text_field(a.trainee),
            csv_text_field(a.scenario_id),
            csv_text_field(a.scenario_title),
            csv_text_field(a.content_hash),
            csv_text_field(mode_id(a.mode)),
            csv_text_field(a.front_end),
            csv_text_field(a.started_at),
            csv_text_field(a.finished_at),
            a.finished() ? seconds_between(a.started_at, a.finished_at) : std::string(),
            a.finished() ? "finished" : "unfinished",
            number(a.choices),
        };
        if (const auto& s = a.score) {
            for (std::string cell : {csv_text_field(s->ending), csv_text_field(outcome_name(s->outcome)), number(s->technical),
                                     number(s->best_technical), number(s->technical_percent, 2), number(s->technical_pass),
                                     yes_no(s->technical_met), number(s->personal), number(s->best_personal),
                                     number(s->personal_percent, 2), number(s->personal_pass), yes_no(s->personal_met),
                                     number(s->mood), csv_text_field(quadrant_id(s->quadrant))})
                row.push_back(std::move(cell));
        } else {
            row.resize(attempt_csv_columns().size());  // unfinished: no ending or scores yet
        }
        write_row(out, row);
    }
}

void write_choices_csv(std::ostream& out, const std::vector<AttemptDetail>& attempts) {
    write_header(out, choice_csv_columns());
    for (const AttemptDetail& d : attempts) {
        const AttemptSummary& a = d.summary;
        for (const ChoiceRecord& c : d.choices) {
            std::string skills;
            for (const std::string& s : c.skills) skills += (skills.empty() ? "" : ";") + s;
            write_row(out, {number(a.id), csv_text_field(a.registration), csv_text_field(a.trainee),
                            csv_text_field(a.scenario_id), number(c.turn + 1), csv_text_field(c.node),
                            number(c.choice_index + 1), number(c.shown), csv_text_field(c.say), number(c.technical),
                            number(c.personal), number(c.mood), number(c.mood_after), number(c.technical_total),
                            number(c.personal_total), number(c.seconds, 3), csv_text_field(skills),
                            csv_text_field(c.made_at)});
        }
    }
}

}  // namespace frontline::results
