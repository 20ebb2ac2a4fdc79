// Author errors are data, not exceptions: every pass collects Diagnostics and the
// front-ends decide how to show them (GCC-style lines, an in-game list, JSON).
#pragma once

#include "frontline/diagnostic_codes.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

/// A position in a source file. 1-based like GCC and editors; 0 means "unknown".
struct SourcePos {
    uint32_t line = 0;
    uint32_t column = 0;
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

/// One problem found in a scenario file. `code` is the id of a diagnostic_codes.hpp entry
/// (FL001..), documented once in docs/scenario-format.md.
struct Diagnostic {
    std::string file;
    SourcePos pos;
    Severity severity = Severity::error;
    std::string code;
    std::string message;
};

/// Collects diagnostics for one file; passes append, nobody throws.
class DiagnosticList {
public:
    explicit DiagnosticList(std::string file = {}) : file_(std::move(file)) {}

    /// Codes come from the catalogue (`codes::unknown_key`), never spelt as text.
    void error(const DiagnosticCode& code, SourcePos pos, std::string message);
    void warning(const DiagnosticCode& code, SourcePos pos, std::string message);

    const std::vector<Diagnostic>& items() const { return items_; }
    std::vector<Diagnostic>& items() { return items_; }
    const std::string& file() const { return file_; }
    int error_count() const;
    int warning_count() const;
    bool has_errors() const { return error_count() > 0; }
    /// Sorts by position so the output reads top to bottom like the file.
    void sort_by_position();
    /// " (did you mean 'x'?)" or "", within this file's budget for suggestions: a file
    /// with thousands of unknown names gets suggestions for the first few hundred only,
    /// instead of comparing every unknown name with every known one.
    std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

private:
    std::string file_;
    std::vector<Diagnostic> items_;
    size_t suggestion_work_left_ = suggestion_work_budget;

public:
    /// Candidates scanned plus edit-distance cells computed, per file (about 50 ms).
    static constexpr size_t suggestion_work_budget = 20'000'000;
};

/// `file:line:col: error: message [FL0xx]`, the form editors and CI logs understand.
std::string format_diagnostic(const Diagnostic& d);

/// The closest candidate by edit distance, or "" when nothing is close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
/// The same within `work_left` (candidates scanned plus edit-distance cells), which it
/// decreases; "" once the work runs out, so the answer never depends on a partial scan.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates, size_t& work_left);

/// Reports that memory ran out (FL048): the boundaries of the reader, checker, lint and
/// importer catch std::bad_alloc and say so rather than end the process.
void report_out_of_memory(DiagnosticList& diags, std::string_view while_doing);

/// "a, b, c": the allowed values a message lists, from the same table the reader checks against.
std::string comma_list(const std::vector<std::string>& names);

/// " (did you mean 'x'?)" or "" — appended to "names nothing" and "unknown key" messages.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace frontline
