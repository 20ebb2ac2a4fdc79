// Author errors are data, not exceptions: every pass collects Diagnostics and the
// front-ends decide how to show them (GCC-style lines, an in-game list, JSON).
#pragma once

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

enum class Severity { warning, error };

/// One problem found in a scenario file. `code` is stable (FL001..) and documented
/// once in docs/scenario-format.md.
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

    void error(std::string_view code, SourcePos pos, std::string message);
    void warning(std::string_view code, SourcePos pos, std::string message);

    const std::vector<Diagnostic>& items() const { return items_; }
    std::vector<Diagnostic>& items() { return items_; }
    const std::string& file() const { return file_; }
    int error_count() const;
    int warning_count() const;
    bool has_errors() const { return error_count() > 0; }
    /// Sorts by position so the output reads top to bottom like the file.
    void sort_by_position();

private:
    std::string file_;
    std::vector<Diagnostic> items_;
};

/// `file:line:col: error: message [FL0xx]`, the form editors and CI logs understand.
std::string format_diagnostic(const Diagnostic& d);

/// The closest candidate by edit distance, or "" when nothing is close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — appended to "names nothing" and "unknown key" messages.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace frontline
