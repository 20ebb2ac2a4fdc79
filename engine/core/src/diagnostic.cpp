#include "frontline/diagnostic.hpp"

#include <algorithm>
#include <numeric>

namespace frontline {

void DiagnosticList::error(const DiagnosticCode& code, SourcePos pos, std::string message) {
    items_.push_back({file_, pos, Severity::error, std::string(code.id), std::move(message)});
}

void DiagnosticList::warning(const DiagnosticCode& code, SourcePos pos, std::string message) {
    items_.push_back({file_, pos, Severity::warning, std::string(code.id), std::move(message)});
}

int DiagnosticList::error_count() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int DiagnosticList::warning_count() const {
    return static_cast<int>(items_.size()) - error_count();
}

void DiagnosticList::sort_by_position() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    // Editors jump on file:line:col; an unknown position still names the file.
    if (d.pos.line > 0) {
        out += ':' + std::to_string(d.pos.line);
        if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    out += " [" + d.code + "]";
    return out;
}

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), size_t{0});
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates, size_t& work_left) {
    // Bounded: a hostile file with a huge key must not cost quadratic time.
    if (word.size() > 64) return {};
    // Suggest only plausible typos: about a third of the word may differ.
    const size_t allowed = std::max<size_t>(1, (word.size() + 2) / 3);
    const std::string* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const auto& c : candidates) {
        if (work_left == 0) return {};
        --work_left;
        if (c.size() > 64) continue;
        // The distance is at least the difference in length: skip what cannot win.
        const size_t length_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (length_gap > allowed || length_gap >= best_distance) continue;
        const size_t cells = std::max<size_t>(1, word.size() * c.size());
        if (cells > work_left) {
            work_left = 0;
            return {};
        }
        work_left -= cells;
        size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = &c;
        }
    }
    return best && best_distance <= allowed ? *best : std::string{};
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    size_t work_left = SIZE_MAX;
    return closest_match(word, candidates, work_left);
}

std::string DiagnosticList::did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string match = closest_match(word, candidates, suggestion_work_left_);
    return match.empty() ? std::string{} : " (did you mean '" + match + "'?)";
}

void report_out_of_memory(DiagnosticList& diags, std::string_view while_doing) {
    diags.error(codes::out_of_memory, {},
                "the machine ran out of memory while " + std::string(while_doing) +
                    "; the file is too large or too complex to check here");
}

std::string comma_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string match = closest_match(word, candidates);
    return match.empty() ? std::string{} : " (did you mean '" + match + "'?)";
}

}  // namespace frontline
