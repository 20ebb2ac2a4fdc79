#include "frontline/diagnostic.hpp"

#include <algorithm>
#include <numeric>

namespace frontline {

void DiagnosticList::error(std::string_view code, SourcePos pos, std::string message) {
    items_.push_back({file_, pos, Severity::error, std::string(code), std::move(message)});
}

void DiagnosticList::warning(std::string_view code, SourcePos pos, std::string message) {
    items_.push_back({file_, pos, Severity::warning, std::string(code), std::move(message)});
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

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = SIZE_MAX;
    for (const auto& c : candidates) {
        // Bounded: a hostile file with a huge key must not cost quadratic time.
        if (c.size() > 64 || word.size() > 64) continue;
        size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // Suggest only plausible typos: about a third of the word may differ.
    size_t allowed = std::max<size_t>(1, (word.size() + 2) / 3);
    return best_distance <= allowed ? best : std::string{};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string match = closest_match(word, candidates);
    return match.empty() ? std::string{} : " (did you mean '" + match + "'?)";
}

}  // namespace frontline
